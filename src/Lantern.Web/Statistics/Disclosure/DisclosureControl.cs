namespace Lantern.Web.Statistics.Disclosure;

/// <summary>
/// The disclosure rule of published statistics (docs/STATISTICS.md), pure so it can be tested on random tables:
/// <list type="number">
/// <item>a count below the threshold is suppressed (primary suppression), zero included: "fewer than 10" says nothing
/// about whether it is none;</item>
/// <item>in any row or column holding exactly one suppressed cell, the smallest published cell is suppressed as well
/// (complementary suppression), repeated until no line has a lone suppressed cell, so a total published elsewhere (the
/// year's total, another table's) minus the cells shown never isolates one cell;</item>
/// <item>every published count is rounded to the nearest multiple of the threshold (halves up), so the difference between
/// two tables or two releases is blurred by up to half the threshold per cell;</item>
/// <item>totals are the sums of the published cells: they reveal nothing the cells do not.</item>
/// </list>
/// Which cells are suppressed depends only on which counts are below the threshold and on the rounded published
/// values, never on the value of a suppressed count: that is what makes a suppressed count impossible to recompute.
/// </summary>
public static class DisclosureControl
{
    public static PublishedTable Publish(CountTable table, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 2);
        var rows = table.Rows.Count;
        var columns = table.Columns.Count;
        var rounded = new long[rows, columns];
        var suppressed = new bool[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var count = table.Counts[i, j];
                ArgumentOutOfRangeException.ThrowIfNegative(count);
                suppressed[i, j] = count < threshold;
                rounded[i, j] = Round(count, threshold);
            }
        }

        SuppressComplements(rounded, suppressed);

        var cells = new long?[rows, columns];
        var rowTotals = new long[rows];
        var columnTotals = new long[columns];
        long grand = 0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                if (!suppressed[i, j])
                {
                    cells[i, j] = rounded[i, j];
                    rowTotals[i] += rounded[i, j];
                    columnTotals[j] += rounded[i, j];
                    grand += rounded[i, j];
                }
            }
        }

        return new PublishedTable(table.Rows, table.Columns, cells, rowTotals, columnTotals, grand, threshold);
    }

    /// <summary>A single count (e.g. the reports of a year): rounded, or null below the threshold.</summary>
    public static long? PublishCount(long count, int threshold) => count < threshold ? null : Round(count, threshold);

    /// <summary>The nearest multiple of <paramref name="threshold"/>, halves up.</summary>
    public static long Round(long count, int threshold) => (count + (threshold / 2)) / threshold * threshold;

    private static void SuppressComplements(long[,] rounded, bool[,] suppressed)
    {
        var rows = rounded.GetLength(0);
        var columns = rounded.GetLength(1);
        bool changed;
        do
        {
            changed = false;
            if (columns > 1)
            {
                for (var i = 0; i < rows; i++)
                {
                    changed |= SuppressOneMore(columns, j => suppressed[i, j], j => rounded[i, j], j => suppressed[i, j] = true);
                }
            }

            if (rows > 1)
            {
                for (var j = 0; j < columns; j++)
                {
                    changed |= SuppressOneMore(rows, i => suppressed[i, j], i => rounded[i, j], i => suppressed[i, j] = true);
                }
            }
        }
        while (changed);
    }

    /// <summary>In a line with exactly one suppressed cell, suppresses the smallest published one (first on a tie).</summary>
    private static bool SuppressOneMore(int length, Func<int, bool> isSuppressed, Func<int, long> value, Action<int> suppress)
    {
        var lone = 0;
        var smallest = -1;
        for (var k = 0; k < length; k++)
        {
            if (isSuppressed(k))
            {
                lone++;
            }
            else if (smallest < 0 || value(k) < value(smallest))
            {
                smallest = k;
            }
        }

        if (lone != 1 || smallest < 0)
        {
            return false;
        }

        suppress(smallest);
        return true;
    }
}
