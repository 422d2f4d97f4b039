namespace Lantern.Web.Core.Files;

/// <summary>Why a file was not stored; each reason has a message in the <c>files</c> catalogue.</summary>
public enum FileRefusal
{
    /// <summary>The content is not one of the accepted types (whatever its name says).</summary>
    Type,

    /// <summary>The content starts like an accepted type but does not end like one: cut off or damaged.</summary>
    Truncated,

    /// <summary>Larger than <see cref="FilesOptions.MaxFileMegabytes"/>.</summary>
    FileTooLarge,

    /// <summary>The report's files together would exceed <see cref="FilesOptions.MaxReportMegabytes"/>.</summary>
    ReportTooLarge,

    /// <summary>An image whose dimensions exceed <see cref="FilesOptions.MaxImagePixels"/>, or which cannot be decoded.</summary>
    Image,

    /// <summary>No content at all.</summary>
    Empty,

    /// <summary>
    /// Every image decode slot (<see cref="FilesOptions.MaxConcurrentImageDecodes"/>) stayed taken for
    /// <see cref="FilesOptions.ImageDecodeWaitSeconds"/>: the server is busy, the sender may try again (503).
    /// </summary>
    Busy,
}
