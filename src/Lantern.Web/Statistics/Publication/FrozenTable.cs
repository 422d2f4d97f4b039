using Lantern.Web.Statistics.Disclosure;

namespace Lantern.Web.Statistics.Publication;

/// <summary>One published table as stored in a <see cref="FrozenReleaseTable"/>: what the disclosure control let out, no more.</summary>
public sealed record FrozenTable(
    string Id,
    IReadOnlyList<string> Rows,
    IReadOnlyList<string> Columns,
    long?[][] Cells,
    long[] RowTotals,
    long[] ColumnTotals,
    long GrandTotal,
    int Threshold)
{
    public static FrozenTable Of(PublicTable table)
    {
        var figures = table.Figures;
        var cells = Enumerable.Range(0, figures.Rows.Count)
            .Select(row => Enumerable.Range(0, figures.Columns.Count).Select(column => figures.Cells[row, column]).ToArray())
            .ToArray();
        return new FrozenTable(table.Definition.Id, figures.Rows, figures.Columns, cells, figures.RowTotals, figures.ColumnTotals, figures.GrandTotal, figures.Threshold);
    }

    /// <summary>The table again; null when its definition is no longer published (a table id retired since).</summary>
    public PublicTable? ToPublicTable()
    {
        if (PublicTableDefinition.Find(Id) is not { } definition)
        {
            return null;
        }

        var cells = new long?[Rows.Count, Columns.Count];
        for (var row = 0; row < Rows.Count; row++)
        {
            for (var column = 0; column < Columns.Count; column++)
            {
                cells[row, column] = Cells[row][column];
            }
        }

        return new PublicTable(definition, new PublishedTable(Rows, Columns, cells, RowTotals, ColumnTotals, GrandTotal, Threshold));
    }
}
