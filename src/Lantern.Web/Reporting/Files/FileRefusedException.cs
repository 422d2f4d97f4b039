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
}

/// <summary>A file refused for a reason the sender can act on (4xx); nothing of it remains stored.</summary>
public sealed class FileRefusedException(FileRefusal reason) : Exception($"File refused: {reason}.")
{
    public FileRefusal Reason { get; } = reason;

    /// <summary>The catalogue key of the message for the sender.</summary>
    public string MessageKey => Reason switch
    {
        FileRefusal.Type => "files.error.type",
        FileRefusal.Truncated => "files.error.truncated",
        FileRefusal.FileTooLarge => "files.error.file_too_large",
        FileRefusal.ReportTooLarge => "files.error.report_too_large",
        FileRefusal.Image => "files.error.image",
        _ => "files.error.empty",
    };
}
