namespace Lantern.Web.FollowUp.Sessions;

/// <summary>What a live session gives a request: the report and a copy of its data key (the caller zeroes the copy).</summary>
public sealed record ReporterAccess(Guid ReportId, byte[] DataKey);
