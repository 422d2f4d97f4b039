namespace Lantern.Web.Core.Audit;

/// <summary>
/// One line of the audit trail: who did what to which record, and when. Entries are only ever appended;
/// each carries the hash of the one before it, so removing or changing any entry breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; set; }

    public DateTime At { get; set; }

    /// <summary>Who: a staff account id, <c>system</c>, <c>cli</c>, or <c>anonymous</c> for a failed sign-in.</summary>
    public required string Actor { get; set; }

    /// <summary>What: a stable code such as <c>report.read</c> or <c>sign-in.failed</c>.</summary>
    public required string Action { get; set; }

    /// <summary>Which record: e.g. a report reference; empty when none.</summary>
    public required string Record { get; set; }

    /// <summary>Non-identifying detail (never report content).</summary>
    public required string Detail { get; set; }

    public required byte[] PreviousHash { get; set; }

    public required byte[] Hash { get; set; }

    public AuditFormat Format { get; set; }

    /// <summary>Not stored: the order in which entries were staged in one DbContext, so that they are chained in that order.</summary>
    internal long StagedOrder { get; set; }
}
