namespace Lantern.Web.Statistics.Figures;

/// <summary>
/// The fixed scale every duration is counted on, live or summarised, so a day's figures are the same whichever way it
/// was counted: whole minutes up to 2 hours, 6 minutes up to 48 hours, 1 hour up to 30 days, 1 day beyond. A duration
/// goes to the upper edge of its bucket (a bucket holds <c>(edge - width, edge]</c>), so "within a deadline" stays exact
/// for any deadline that is an edge: any whole number of hours up to 30 days, whole days beyond. A percentile is then
/// that edge: at most 6 minutes above the measured value up to 48 hours, an hour up to 30 days.
/// </summary>
public static class DurationScale
{
    private const long TwoHours = 120;
    private const long TwoDays = 48 * 60;
    private const long ThirtyDays = 30 * 24 * 60;

    /// <summary>The bucket (its upper edge, in minutes) of a duration in whole minutes. Idempotent: an edge is its own bucket.</summary>
    public static long Bucket(long minutes) => minutes switch
    {
        <= TwoHours => minutes,
        <= TwoDays => Up(minutes, 6),
        <= ThirtyDays => Up(minutes, 60),
        _ => Up(minutes, 24 * 60),
    };

    private static long Up(long minutes, long width) => (minutes + width - 1) / width * width;
}
