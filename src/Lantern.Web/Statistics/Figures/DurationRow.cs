namespace Lantern.Web.Statistics.Figures;

/// <summary>
/// Durations of one kind in one bucket of <see cref="DurationScale"/>: how many, and (for the partner's acknowledgement,
/// whose deadline is each referral's own) how many of them within their deadline.
/// </summary>
public sealed record DurationRow(string Kind, bool Danger, long Bucket, long Count, long WithinDeadline);
