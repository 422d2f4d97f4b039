using Lantern.Web.Core.Files;

namespace Lantern.Web.Content.Resources;

/// <summary>The type of a resource's file, from its first bytes (never from its name or the browser's word).</summary>
public static class ResourceFormats
{
    public static readonly ResourceFormat Pdf = new("application/pdf", ".pdf", IsImage: false, IsVideo: false);
    public static readonly ResourceFormat Mp4 = new("video/mp4", ".mp4", IsImage: false, IsVideo: true);
    public static readonly ResourceFormat WebM = new("video/webm", ".webm", IsImage: false, IsVideo: true);

    /// <summary>What the file field accepts.</summary>
    public const string Accept = "application/pdf,image/jpeg,image/png,image/webp,video/mp4,video/webm,.pdf,.jpg,.jpeg,.png,.webp,.mp4,.webm";

    /// <summary>The format of a file starting with <paramref name="head"/>, or null for any other file.</summary>
    public static ResourceFormat? Sniff(ReadOnlySpan<byte> head)
    {
        // An MP4 video and an M4A recording share the container: here any ISO base media file is a video.
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return Mp4;
        }

        var type = FileTypes.Sniff(head);
        return type switch
        {
            null => null,
            _ when type == FileTypes.Pdf => Pdf,
            _ when type == FileTypes.WebM => WebM,
            { IsImage: true } => new ResourceFormat(type.ContentType, type.Extension, IsImage: true, IsVideo: false),
            _ => null,
        };
    }
}
