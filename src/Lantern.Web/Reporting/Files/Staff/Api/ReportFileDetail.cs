namespace Lantern.Web.Reporting.Files.Staff.Api;

/// <summary>
/// A file of a report as the staff API lists it. <c>addedBy</c> is the e-mail of the staff member who added it, given to
/// the central team (and to a partner for its own colleagues); <c>byContactPoint</c> says a member of the contact point
/// added it, which is all a partner learns of who.
/// </summary>
public sealed record ReportFileDetail(
    Guid Id,
    string Name,
    string ContentType,
    long Length,
    DateTime CreatedAt,
    bool FromReporter,
    string? AddedBy,
    bool ByContactPoint,
    bool HasRendition,
    bool MetadataRemoved,
    string Url,
    string OriginalUrl);
