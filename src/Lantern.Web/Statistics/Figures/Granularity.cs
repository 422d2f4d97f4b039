namespace Lantern.Web.Statistics.Figures;

/// <summary>The buckets of the "reports by period" table.</summary>
public enum Granularity
{
    Week,
    Month,
}
