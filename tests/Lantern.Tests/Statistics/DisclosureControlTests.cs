using Lantern.Web.Statistics.Disclosure;

namespace Lantern.Tests.Statistics;

/// <summary>
/// Property tests of the disclosure rule on random tables (a seeded loop, so a failure names its seed and repeats):
/// no published cell below the threshold, every published figure a multiple of it, no line with a lone suppressed
/// cell, totals that are the sums of the published cells, and no suppressed count that changes anything published.
/// </summary>
public sealed class DisclosureControlTests
{
    private const int Tables = 3000;

    [Fact]
    public void NoPublishedCell_IsBelowTheThresholdOrOffItsMultiples()
    {
        ForRandomTables((table, threshold, published) =>
        {
            foreach (var cell in published.Cells)
            {
                if (cell is { } value)
                {
                    Assert.True(value >= threshold, $"published {value} below {threshold}");
                    Assert.Equal(0, value % threshold);
                }
            }
        });
    }

    [Fact]
    public void EveryCountBelowTheThreshold_IsSuppressed_AndEveryPublishedOneIsWithinHalfTheThreshold()
    {
        ForRandomTables((table, threshold, published) =>
        {
            for (var i = 0; i < table.Rows.Count; i++)
            {
                for (var j = 0; j < table.Columns.Count; j++)
                {
                    var count = table.Counts[i, j];
                    if (count < threshold)
                    {
                        Assert.Null(published.Cells[i, j]);
                    }
                    else if (published.Cells[i, j] is { } shown)
                    {
                        Assert.True(Math.Abs(shown - count) * 2 <= threshold, $"{count} published as {shown} with threshold {threshold}");
                    }
                }
            }
        });
    }

    [Fact]
    public void NoRowOrColumn_HoldsALoneSuppressedCell()
    {
        ForRandomTables((table, threshold, published) =>
        {
            var rows = table.Rows.Count;
            var columns = table.Columns.Count;
            if (columns > 1)
            {
                for (var i = 0; i < rows; i++)
                {
                    Assert.NotEqual(1, Enumerable.Range(0, columns).Count(j => published.IsSuppressed(i, j)));
                }
            }

            if (rows > 1)
            {
                for (var j = 0; j < columns; j++)
                {
                    Assert.NotEqual(1, Enumerable.Range(0, rows).Count(i => published.IsSuppressed(i, j)));
                }
            }
        });
    }

    [Fact]
    public void Totals_AreTheSumsOfThePublishedCells_AndMultiplesOfTheThreshold()
    {
        ForRandomTables((table, threshold, published) =>
        {
            for (var i = 0; i < table.Rows.Count; i++)
            {
                Assert.Equal(Enumerable.Range(0, table.Columns.Count).Sum(j => published.Cells[i, j] ?? 0), published.RowTotals[i]);
            }

            for (var j = 0; j < table.Columns.Count; j++)
            {
                Assert.Equal(Enumerable.Range(0, table.Rows.Count).Sum(i => published.Cells[i, j] ?? 0), published.ColumnTotals[j]);
            }

            Assert.Equal(published.RowTotals.Sum(), published.GrandTotal);
            Assert.Equal(0, published.GrandTotal % threshold);
        });
    }

    /// <summary>
    /// The strongest form of "cannot be derived": whatever a suppressed count below the threshold really was, everything
    /// published (cells, which cells are hidden, totals) is the same, so no total or difference can tell its value.
    /// </summary>
    [Fact]
    public void ASuppressedCount_ChangesNothingPublished_WhateverItsValue()
    {
        var random = new Random(1414);
        ForRandomTables((table, threshold, published) =>
        {
            for (var i = 0; i < table.Rows.Count; i++)
            {
                for (var j = 0; j < table.Columns.Count; j++)
                {
                    if (table.Counts[i, j] >= threshold)
                    {
                        continue;
                    }

                    var other = (long[,])table.Counts.Clone();
                    other[i, j] = random.Next(threshold);
                    var again = DisclosureControl.Publish(new CountTable(table.Rows, table.Columns, other), threshold);
                    AssertSame(published, again);
                }
            }
        });
    }

    [Fact]
    public void AnOneDimensionTable_WithOneSmallCount_HidesASecondOne()
    {
        var table = CountTable.OneDimension([("a", 120), ("b", 4), ("c", 37), ("d", 55)]);

        var published = DisclosureControl.Publish(table, 10);

        Assert.Null(published.Cells[1, 0]);
        Assert.Null(published.Cells[2, 0]);
        Assert.Equal(120, published.Cells[0, 0]);
        Assert.Equal(60, published.Cells[3, 0]);
        Assert.Equal(180, published.GrandTotal);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(9, null)]
    [InlineData(10, 10L)]
    [InlineData(14, 10L)]
    [InlineData(15, 20L)]
    [InlineData(1234, 1230L)]
    public void ASingleCount_IsRoundedOrHidden(long count, long? expected) => Assert.Equal(expected, DisclosureControl.PublishCount(count, 10));

    private static void ForRandomTables(Action<CountTable, int, PublishedTable> property)
    {
        for (var seed = 0; seed < Tables; seed++)
        {
            var random = new Random(seed);
            int[] thresholds = [3, 5, 10, 20];
            var threshold = thresholds[random.Next(thresholds.Length)];
            var rows = random.Next(1, 9);
            var columns = random.Next(1, 6);
            var counts = new long[rows, columns];
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    // Mostly small counts, where suppression happens, and now and then a large one.
                    counts[i, j] = random.Next(4) switch
                    {
                        0 => random.Next(threshold),
                        1 => random.Next(threshold * 3),
                        2 => 0,
                        _ => random.Next(threshold * 100),
                    };
                }
            }

            var table = new CountTable(
                Enumerable.Range(0, rows).Select(i => "r" + i).ToList(), Enumerable.Range(0, columns).Select(j => "c" + j).ToList(), counts);
            try
            {
                property(table, threshold, DisclosureControl.Publish(table, threshold));
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                throw new InvalidOperationException($"Property failed for seed {seed} (threshold {threshold}, {rows}×{columns}).", failure);
            }
        }
    }

    private static void AssertSame(PublishedTable expected, PublishedTable actual)
    {
        Assert.Equal(expected.Cells.Cast<long?>(), actual.Cells.Cast<long?>());
        Assert.Equal(expected.RowTotals, actual.RowTotals);
        Assert.Equal(expected.ColumnTotals, actual.ColumnTotals);
        Assert.Equal(expected.GrandTotal, actual.GrandTotal);
    }
}
