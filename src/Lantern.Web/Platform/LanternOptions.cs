using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.Platform;

/// <summary>The <c>Lantern</c> configuration section. Every option is documented in docs/CONFIGURATION.md.</summary>
public sealed class LanternOptions
{
    public const string Section = "Lantern";

    /// <summary>Where the SQLite database and the key files live. Relative paths are resolved against the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Which parts of Lantern this process runs.</summary>
    public LanternRole Role { get; set; } = LanternRole.All;

    /// <summary>Where the escape button leads: a neutral site that leaves no sign of Lantern.</summary>
    /// <summary>
    /// Addresses of the reverse proxies in front of Lantern. Only from these is X-Forwarded-For trusted,
    /// so that per-client rate limits see the visitor rather than the proxy (the address is still never stored).
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>The address staff use to reach Lantern, for links printed by the command line (enrolment).</summary>
    [Required]
    public string StaffBaseUrl { get; set; } = "http://localhost:5080";

    [Required, Url]
    public string EscapeUrl { get; set; } = "https://www.bbc.com/weather";
}
