using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.Core.Reports;

/// <summary>
/// The <c>Lantern:Triage</c> section: how fast the team promises to acknowledge a report (docs/CONFIGURATION.md). In the
/// core, like <see cref="FirstReplyOptions"/>, because the inbox (Triage) flags the deadline and the statistics measure
/// it, and neither may depend on the other for it. The section keeps its name so existing configuration still applies.
/// </summary>
public sealed class AcknowledgementOptions
{
    public const string Section = "Lantern:Triage";

    /// <summary>Hours after receipt by which a report must be acknowledged.</summary>
    [Range(1, 24 * 30)]
    public int AcknowledgeWithinHours { get; set; } = 72;

    /// <summary>The same for a report that says someone is in immediate danger.</summary>
    [Range(1, 24 * 30)]
    public int AcknowledgeDangerWithinHours { get; set; } = 1;

    /// <summary>When a report received at <paramref name="receivedAt"/> must be acknowledged.</summary>
    public DateTime AcknowledgeBy(DateTime receivedAt, bool? immediateDanger) =>
        receivedAt.AddHours(immediateDanger == true ? AcknowledgeDangerWithinHours : AcknowledgeWithinHours);
}
