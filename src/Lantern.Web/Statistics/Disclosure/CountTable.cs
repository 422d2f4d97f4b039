namespace Lantern.Web.Statistics.Disclosure;

/// <summary>
/// Exact counts over at most two dimensions: rows × columns (one column for a one-dimension table). The shape itself is
/// the "no combination of more than two dimensions" rule: there is no way to hand a third one to the disclosure control.
/// </summary>
public sealed class CountTable
{
    public CountTable(IReadOnlyList<string> rows, IReadOnlyList<string> columns, long[,] counts)
    {
        if (counts.GetLength(0) != rows.Count || counts.GetLength(1) != columns.Count)
        {
            throw new ArgumentException("The counts do not match the rows and columns.", nameof(counts));
        }

        Rows = rows;
        Columns = columns;
        Counts = counts;
    }

    /// <summary>The row codes.</summary>
    public IReadOnlyList<string> Rows { get; }

    /// <summary>The column codes; one (e.g. <c>reports</c>) for a table of one dimension.</summary>
    public IReadOnlyList<string> Columns { get; }

    public long[,] Counts { get; }

    /// <summary>A table of one dimension: each row code with its count.</summary>
    public static CountTable OneDimension(IReadOnlyList<(string Code, long Count)> rows, string column = "reports")
    {
        var counts = new long[rows.Count, 1];
        for (var i = 0; i < rows.Count; i++)
        {
            counts[i, 0] = rows[i].Count;
        }

        return new CountTable(rows.Select(r => r.Code).ToList(), [column], counts);
    }
}
