namespace Lantern.Web.Reporting.Files.Staff;

/// <summary>What a staff member may do with a report's files (null list: the report is not found for them).</summary>
public sealed record StaffFileList(string Reference, IReadOnlyList<StaffFileRow> Files, bool CanAttach, bool CanDownloadOriginals);
