namespace Lantern.Web.Content.Resources;

/// <summary>
/// A piece of the campaign's material in one language (a poster, a brochure, an image, a short video), served by Lantern
/// itself: its bytes are <see cref="ResourceChunk"/>s in the database (every node serves it, the backup holds it), its
/// preview a small JPEG drawn when it was added. Nothing is known of who downloads it: <see cref="Downloads"/> is a total.
/// </summary>
public sealed class Resource
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 400;

    /// <summary>The size of each stored piece of the file.</summary>
    public const int ChunkBytes = 512 * 1024;

    public Guid Id { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public required string Language { get; set; }

    /// <summary>One of <see cref="ResourceCategories.All"/>.</summary>
    public required string Category { get; set; }

    /// <summary>The name the file is downloaded under (ASCII, made from the title).</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    /// <summary>A JPEG at most <see cref="ResourcePreviews.Width"/> pixels wide.</summary>
    public required byte[] Preview { get; set; }

    public int PreviewWidth { get; set; }

    public int PreviewHeight { get; set; }

    /// <summary>False while its chunks are being written: the public never sees a resource that is not whole.</summary>
    public bool Complete { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Downloads { get; set; }
}
