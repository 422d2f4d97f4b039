namespace Lantern.Web.Statistics.Disclosure;

/// <summary>
/// What may be published of a <see cref="CountTable"/>: each cell rounded to a multiple of the threshold or suppressed
/// (null), and totals that are sums of the published cells only, so no total carries anything of a suppressed cell.
/// </summary>
public sealed record PublishedTable(
    IReadOnlyList<string> Rows,
    IReadOnlyList<string> Columns,
    long?[,] Cells,
    long[] RowTotals,
    long[] ColumnTotals,
    long GrandTotal,
    int Threshold)
{
    public bool IsSuppressed(int row, int column) => Cells[row, column] is null;
}
