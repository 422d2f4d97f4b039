namespace Lantern.Web.Statistics.Figures;

/// <summary>
/// A table as pages show it and CSV exports it: the same figures drawn as a chart (when <see cref="Chart"/>) and
/// written as a table for screen readers and print. <see cref="Protected"/>: published through the disclosure control,
/// so an empty cell means "not shown" rather than "no figure".
/// </summary>
public sealed record FigureTable(string Id, string Title, string RowHeading, IReadOnlyList<FigureColumn> Columns, IReadOnlyList<FigureRow> Rows, bool Chart = true, bool Protected = false)
{
    /// <summary>A value as written in the table and the CSV (invariant digits in CSV, the reader's culture on pages).</summary>
    public static string Format(double? value, FigureFormat format, IFormatProvider culture) => value switch
    {
        null => string.Empty,
        { } v => format switch
        {
            FigureFormat.Hours => v.ToString("0.0", culture),
            FigureFormat.Percent => v.ToString("0%", culture),
            _ => v.ToString("0", culture),
        },
    };
}
