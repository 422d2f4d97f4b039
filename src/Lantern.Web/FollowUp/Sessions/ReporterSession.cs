namespace Lantern.Web.FollowUp.Sessions;

/// <summary>
/// A reporter's follow-up session as stored, shared by every Lantern process: the SHA-256 of the session id (the id
/// itself is only in the reporter's cookie or app) and the report's data key wrapped under a key derived from that id.
/// The row alone opens nothing; it is deleted at sign-out, escape or idle expiry, and with its report.
/// </summary>
public sealed class ReporterSession
{
    public required byte[] IdHash { get; set; }

    public ReporterSessionKind Kind { get; set; }

    public Guid ReportId { get; set; }

    public required byte[] WrappedKey { get; set; }

    public DateTime LastUsedAt { get; set; }
}
