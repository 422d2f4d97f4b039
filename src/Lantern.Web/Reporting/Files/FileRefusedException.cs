namespace Lantern.Web.Reporting.Files;

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

/// <summary>A file refused for a reason the sender can act on (4xx); nothing of it remains stored.</summary>
public sealed class FileRefusedException(FileRefusal reason) : Exception($"File refused: {reason}.")
{
    public FileRefusal Reason { get; } = reason;

    /// <summary>
    /// The status of the answer, the same on every page and API: 413 over a limit, 415 for a type not accepted, 503
    /// when the image decoders stayed busy (try again later), 422 otherwise (damaged, empty, undecodable image).
    /// </summary>
    public int StatusCode => Reason switch
    {
        FileRefusal.FileTooLarge or FileRefusal.ReportTooLarge => StatusCodes.Status413PayloadTooLarge,
        FileRefusal.Type => StatusCodes.Status415UnsupportedMediaType,
        FileRefusal.Busy => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>The catalogue key of the message for the sender.</summary>
    public string MessageKey => Reason switch
    {
        FileRefusal.Type => "files.error.type",
        FileRefusal.Truncated => "files.error.truncated",
        FileRefusal.FileTooLarge => "files.error.file_too_large",
        FileRefusal.ReportTooLarge => "files.error.report_too_large",
        FileRefusal.Image => "files.error.image",
        FileRefusal.Busy => "files.error.busy",
        _ => "files.error.empty",
    };
}
