namespace Lantern.Web.Statistics.Figures;

/// <summary>The durations counted per report or referral (<see cref="DurationRow.Kind"/>, <c>statistics_durations.Kind</c>).</summary>
public static class DurationKinds
{
    /// <summary>Receipt to <c>AcknowledgedAt</c>; the deadline depends on immediate danger.</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>Receipt to the first personal reply.</summary>
    public const string Replied = "replied";

    /// <summary>Receipt to the report's first referral.</summary>
    public const string Referred = "referred";

    /// <summary>A referral's sending to the partner's acknowledgement; within its own <c>DueAt</c>.</summary>
    public const string Partner = "partner";
}
