namespace Lantern.Web.Statistics.Figures;

/// <summary>How a column's values are written.</summary>
public enum FigureFormat
{
    Count,
    Hours,
    Percent,
}
