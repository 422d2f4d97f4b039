using Lantern.Web.Core.Files;

namespace Lantern.Web.Reporting.Files.Staff;

/// <summary>
/// A file as listed to staff: who added it is the reporter (<see cref="FromReporter"/>), or a staff member: their e-mail
/// address (<see cref="AddedBy"/>) when the reader may know it (the central team; a partner for its own organisation's
/// staff), otherwise only <see cref="ByContactPoint"/>.
/// </summary>
public sealed record StaffFileRow(ReportFileInfo File, bool FromReporter, string? AddedBy, bool ByContactPoint);
