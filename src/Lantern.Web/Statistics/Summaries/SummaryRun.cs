namespace Lantern.Web.Statistics.Summaries;

/// <summary>What one run of <see cref="DaySummariser"/> did: dirty (or newly claimed) days counted again, months rolled up, days claimed for the next run.</summary>
public sealed record SummaryRun(int Recomputed, int Months, int Claimed);
