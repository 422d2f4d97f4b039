namespace Lantern.Web.Core.Reports;

/// <summary>An encrypted piece of a report: the answers, later messages, notes and file chunks.</summary>
public sealed class ReportItem
{
    public long Id { get; set; }

    public Guid ReportId { get; set; }

    public int Kind { get; set; }

    public int Sequence { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The staff member who wrote the item (a note, a message); null when the reporter did.</summary>
    public Guid? AuthorId { get; set; }

    /// <summary>The referral a partner's update belongs to (<c>ItemKind.ReferralUpdate</c>).</summary>
    public Guid? ReferralId { get; set; }

    public required byte[] Ciphertext { get; set; }
}
