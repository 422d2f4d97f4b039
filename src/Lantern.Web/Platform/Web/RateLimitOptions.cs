namespace Lantern.Web.Platform.Web;

/// <summary><c>Lantern:RateLimits</c>. Per client, per minute.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Lantern:RateLimits";

    /// <summary>Reports one client may submit per minute (questionnaire and API together).</summary>
    public int IntakePerClientPerMinute { get; set; } = 10;

    /// <summary>Requests of any kind one client may make per minute.</summary>
    public int RequestsPerClientPerMinute { get; set; } = 600;

    /// <summary>
    /// Refused bearer tokens one client may present per minute; beyond it every bearer request of that client
    /// answers 429 until the minute is over, without the token being looked up.
    /// </summary>
    public int FailedTokensPerClientPerMinute { get; set; } = 10;
}
