namespace Lantern.Web.Statistics.Figures;

/// <summary>A column of a <see cref="FigureTable"/>: its code (the CSV header), its heading, and how its values are written.</summary>
public sealed record FigureColumn(string Code, string Heading, FigureFormat Format = FigureFormat.Count);
