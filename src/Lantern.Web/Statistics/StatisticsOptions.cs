using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.Statistics;

/// <summary>The <c>Lantern:Statistics</c> section (docs/CONFIGURATION.md, docs/STATISTICS.md).</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Lantern:Statistics";

    /// <summary>
    /// The disclosure threshold of published figures: a count below it is not shown, and every count shown is rounded
    /// to a multiple of it. The team's dashboard shows exact counts; only what leaves the back office is protected.
    /// </summary>
    [Range(2, 1000)]
    public int Threshold { get; set; } = 10;
}
