namespace Lantern.Web.Platform;

/// <summary><c>Lantern:Site</c>: what the public pages say about this deployment (Belgian defaults).</summary>
public sealed class SiteOptions
{
    public const string Section = "Lantern:Site";

    /// <summary>The emergency number (ambulance, fire, police).</summary>
    public string EmergencyNumber { get; set; } = "112";

    /// <summary>The police number for situations that are not emergencies.</summary>
    public string PoliceNumber { get; set; } = "101";

    /// <summary>The contact point's own phone line.</summary>
    public string HelplineNumber { get; set; } = "078 055 800";

    /// <summary>The IANA time zone in which the site's days begin and end (a campaign's first and last day).</summary>
    public string TimeZone { get; set; } = "Europe/Brussels";

    /// <summary>Today in <see cref="TimeZone"/> (in UTC when the zone is unknown to this machine).</summary>
    public DateOnly Today(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return DateOnly.FromDateTime(TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? TimeZoneInfo.ConvertTime(now, zone).DateTime : now.UtcDateTime);
    }
}
