using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.FollowUp;

/// <summary><c>Lantern:FollowUp</c>: the reporter's return with the receipt and the two-way thread.
/// The first reply's deadline, in the same section, is <see cref="Lantern.Web.Core.Reports.FirstReplyOptions"/>.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "Lantern:FollowUp";

    /// <summary>The longest message, in characters (after normalisation), on either side.</summary>
    [Range(100, 100_000)]
    public int MessageMaxLength { get; set; } = 10_000;

    /// <summary>Minutes of inactivity after which a reporter's follow-up session ends.</summary>
    [Range(1, 240)]
    public int SessionIdleMinutes { get; set; } = 15;

    /// <summary>Receipt sign-in attempts one client may make per window (pages and API together).</summary>
    [Range(1, 1_000)]
    public int SignInAttemptsPerClient { get; set; } = 10;

    /// <summary>The window of <see cref="SignInAttemptsPerClient"/>, in minutes.</summary>
    [Range(1, 1_440)]
    public int SignInWindowMinutes { get; set; } = 10;
}
