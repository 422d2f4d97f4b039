using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.Core.Files;

/// <summary>The <c>Lantern:Files</c> section: how large files may be and how they are cut (docs/CONFIGURATION.md).</summary>
public sealed class FilesOptions
{
    public const string Section = "Lantern:Files";

    /// <summary>The largest single file, in megabytes (MiB).</summary>
    [Range(1, 1024)]
    public int MaxFileMegabytes { get; set; } = 20;

    /// <summary>All files of one report together (renditions not counted), in megabytes (MiB).</summary>
    [Range(1, 10240)]
    public int MaxReportMegabytes { get; set; } = 50;

    /// <summary>The plaintext size of one encrypted chunk, in kilobytes (KiB): what one file holds in memory at a time.</summary>
    [Range(16, 4096)]
    public int ChunkKilobytes { get; set; } = 256;

    /// <summary>Images with more pixels than this are refused before they are decoded (decompression bombs).</summary>
    [Range(1_000_000, 200_000_000)]
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>
    /// Images decoded at the same time, in the whole process. A decode may hold width × height × 4 bytes (160 MB
    /// for a 40-megapixel PNG), so this bounds what a burst of uploads can make the server hold.
    /// </summary>
    [Range(1, 64)]
    public int MaxConcurrentImageDecodes { get; set; } = 2;

    /// <summary>How long an upload waits for a decode slot before it is refused with 503 (nothing kept).</summary>
    [Range(1, 600)]
    public int ImageDecodeWaitSeconds { get; set; } = 30;

    /// <summary>The longest side of the re-encoded image staff see.</summary>
    [Range(256, 8192)]
    public int RenditionMaxSide { get; set; } = 2048;

    /// <summary>Incomplete files (an upload that died with the process) older than this are removed at start-up.</summary>
    [Range(1, 1440)]
    public int IncompleteAfterMinutes { get; set; } = 10;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;

    public long MaxReportBytes => MaxReportMegabytes * 1024L * 1024L;

    public int ChunkBytes => ChunkKilobytes * 1024;

    /// <summary>How many chunk sequences one file reserves while it is written (the largest file fits).</summary>
    public int MaxChunks => (int)((MaxFileBytes + ChunkBytes - 1) / ChunkBytes);
}
