namespace Lantern.Web.Core.Files;

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
