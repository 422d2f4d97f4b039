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
}
