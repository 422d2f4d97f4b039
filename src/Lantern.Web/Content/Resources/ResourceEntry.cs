namespace Lantern.Web.Content.Resources;

/// <summary>A resource in the public library: what the list shows of it.</summary>
public sealed record ResourceEntry(
    Guid Id, string Title, string? Description, string Language, string Category, string FileName, string ContentType, long Length, int PreviewWidth, int PreviewHeight)
{
    public string FilePath => $"/resources/{Id}/{FileName}";

    public string PreviewPath => $"/resources/{Id}/preview.jpg";
}
