namespace Lantern.Web.Audit;

/// <summary>
/// The outcome of walking the chain: how many entries were checked, the first broken one with a short
/// code (<c>missing</c>, <c>link</c>, <c>content</c>, <c>unkeyed</c>, <c>damaged</c>, <c>key</c>,
/// <c>truncated</c>, <c>anchor</c>) and a sentence for operators, the number of entries from before the
/// audit key (bare SHA-256), and the head of the chain.
/// </summary>
public sealed record AuditVerification(long Checked, long? FirstBrokenSequence, string? Problem, string? Message = null, long Unkeyed = 0, AuditAnchor? Head = null)
{
    public bool Intact => FirstBrokenSequence is null;
}
