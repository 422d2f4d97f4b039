using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.Detection;

/// <summary>The <c>Lantern:Detection</c> section (docs/CONFIGURATION.md).</summary>
public sealed class DetectionOptions
{
    public const string Section = "Lantern:Detection";

    /// <summary>
    /// A value found in this many reports or more is "common" (a delivery firm's hotline, a large employer): shown as
    /// such, and it links nothing, since it would tie everything together.
    /// </summary>
    [Range(2, 1_000_000)]
    public int CommonThreshold { get; set; } = 25;

    /// <summary>
    /// Phone numbers that are never entities, in any form libphonenumber reads with the default country, besides the
    /// directory's organisations and the site's helpline (<c>Lantern:Site:HelplineNumber</c>), which count already.
    /// </summary>
    public List<string> ServiceNumbers { get; set; } = [];

    /// <summary>Index, in the background at start, the reports the index is behind on (none yet, older extraction, other key).</summary>
    public bool CatchUpAtStart { get; set; } = true;
}
