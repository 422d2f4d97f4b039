namespace Lantern.Web.Core.Files;

/// <summary>
/// A file attached to a report (at submission, in follow-up, in either direction). The bytes live in
/// <see cref="ReportItem"/> rows of kind <c>FileChunk</c> (sequences <see cref="FirstChunkSequence"/> onwards,
/// each chunk encrypted under the report's data key) and the name in one <c>FileName</c> item, so neither
/// content nor name is ever stored in the clear. Only the checked content type and the length are plaintext.
/// </summary>
public sealed class ReportFile
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    /// <summary>The message the file was sent with, if any.</summary>
    public long? MessageItemId { get; set; }

    /// <summary>The staff member who attached it; null when the reporter did.</summary>
    public Guid? AuthorId { get; set; }

    /// <summary>For a rendition (an image re-encoded without metadata for viewing): the original it was made from.</summary>
    public Guid? OriginalId { get; set; }

    /// <summary>The type found by reading the content (never the name or the sender's claim), e.g. <c>image/jpeg</c>.</summary>
    public required string ContentType { get; set; }

    /// <summary>The length of the plaintext in bytes.</summary>
    public long Length { get; set; }

    /// <summary>Sequence of the <c>FileName</c> item holding the encrypted file name.</summary>
    public int NameSequence { get; set; }

    public int FirstChunkSequence { get; set; }

    public int ChunkCount { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// How its chunks and name are encrypted (<see cref="ReportFileFormat"/>). Rows stored before the column existed
    /// read 0, <see cref="ReportFileFormat.Legacy"/>; every new file is <see cref="ReportFileFormat.Bound"/>.
    /// </summary>
    public int Format { get; set; } = ReportFileFormat.Bound;

    /// <summary>False while chunks are still being written: an incomplete file is never shown and is removed.</summary>
    public bool Complete { get; set; }
}
