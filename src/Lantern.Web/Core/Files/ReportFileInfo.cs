namespace Lantern.Web.Core.Files;

/// <summary>
/// A stored file as its readers see it: the decrypted name and its copy without metadata, if it has one (an image's
/// rendition, a PDF or a recording cleaned of its metadata).
/// </summary>
public sealed record ReportFileInfo(
    Guid Id,
    string Name,
    string ContentType,
    long Length,
    DateTime CreatedAt,
    Guid? AuthorId,
    long? MessageItemId,
    Guid? RenditionId,
    string? RenditionContentType)
{
    /// <summary>
    /// Whether a copy without metadata exists, which is what partners and the reporter get. False: the file could
    /// not be cleaned (or was stored before files were) and may carry author, device or location details.
    /// </summary>
    public bool MetadataRemoved => RenditionId is not null;

    /// <summary>Whether the copy is an image to show on the page.</summary>
    public bool ShowsImage => RenditionContentType?.StartsWith("image/", StringComparison.Ordinal) == true;
}
