using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Lantern.Web.Core.Files;

/// <summary>
/// The one reader of the APIs' file uploads: a <c>multipart/form-data</c> body read part by part as it arrives, the
/// first file part handed over as a stream (never buffered whole, never spooled to disk). Every upload endpoint
/// refuses the same way: 415 for a body that is not multipart, 413/415/422/503 for a refused file
/// (<see cref="FileRefusalAnswers.Problem"/>), 413 for a body beyond the server's limit, 400 for a broken body or no file part.
/// </summary>
public static class MultipartUpload
{
    /// <summary>A form field before the file: null to go on, or the refusal to answer.</summary>
    public delegate Task<IResult?> Field(string name, Stream value);

    /// <summary>The file part: its name as sent, and its content as it arrives.</summary>
    public delegate Task<IResult> File(string? fileName, Stream content);

    /// <param name="context">The request.</param>
    /// <param name="maxBodyBytes">The request's body limit: room for the fields and the framing around the largest file (the store counts the file's own bytes).</param>
    /// <param name="limits">The file limits, for the refusals' messages.</param>
    /// <param name="field">Called for each form field before the file part.</param>
    /// <param name="file">Answers the file part.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public static async Task<IResult> ReadAsync(
        HttpContext context, long maxBodyBytes, FilesOptions limits, Field field, File file, CancellationToken cancellationToken)
    {
        var texts = context.RequestServices.GetRequiredService<TextCatalogue>();
        var language = context.RequestServices.GetRequiredService<LanguageSettings>().Choose(context.Request.Headers.AcceptLanguage);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBodyBytes;
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return OutcomeProblems.Problem(StatusCodes.Status415UnsupportedMediaType, texts.Get(language, "files.error.multipart"));
        }

        var reader = new MultipartReader(boundary, context.Request.Body);
        try
        {
            for (var section = await reader.ReadNextSectionAsync(cancellationToken); section is not null; section = await reader.ReadNextSectionAsync(cancellationToken))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                if (!disposition.IsFileDisposition())
                {
                    if (await field(HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty, section.Body) is { } refused)
                    {
                        return refused;
                    }

                    continue;
                }

                var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                return await file(name, section.Body);
            }
        }
        catch (FileRefusedException refused)
        {
            return FileRefusalAnswers.Problem(refused, texts, language, limits);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return FileRefusalAnswers.Problem(new FileRefusedException(FileRefusal.FileTooLarge), texts, language, limits);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return OutcomeProblems.Problem(StatusCodes.Status400BadRequest, texts.Get(language, "files.error.multipart"));
        }

        return OutcomeProblems.Problem(StatusCodes.Status400BadRequest, texts.Get(language, "files.error.missing"));
    }

    /// <summary>A form field that is not wanted: skipped.</summary>
    public static Task<IResult?> Skip(string name, Stream value) => Task.FromResult<IResult?>(null);
}
