namespace Lantern.Web.Statistics.Figures;

/// <summary>A row of a <see cref="FigureTable"/>: the code, the label a reader sees, and one value per column (null: none, or not shown).</summary>
public sealed record FigureRow(string Code, string Label, IReadOnlyList<double?> Values);
