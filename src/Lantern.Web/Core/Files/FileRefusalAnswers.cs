namespace Lantern.Web.Core.Files;

/// <summary>How a refused file is answered, the same on every page and API that takes files.</summary>
public static class FileRefusalAnswers
{
    /// <summary>
    /// The problem response: 413 over a limit, 415 for a type not accepted, 422 for a damaged file, 503 when the image
    /// decoders stayed busy (try again later).
    /// </summary>
    public static IResult Problem(FileRefusedException refused, TextCatalogue texts, string language, FilesOptions limits) =>
        TypedResults.Problem(title: Text(refused, texts, language, limits), statusCode: refused.StatusCode);

    /// <summary>The sender's message, with the limit the file exceeded.</summary>
    public static string Text(FileRefusedException refused, TextCatalogue texts, string language, FilesOptions limits) =>
        texts.Get(language, refused.MessageKey, refused.Reason == FileRefusal.ReportTooLarge ? limits.MaxReportMegabytes : limits.MaxFileMegabytes);
}
