using System.Text;
using Lantern.Web.FollowUp.Thread;
using Lantern.Web.Platform.Localisation;
using Lantern.Web.Reporting.Files;
using Lantern.Web.Reporting.Files.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Lantern.Web.FollowUp.Api;

/// <summary>
/// Reads a message with a file from a multipart body as it arrives: the optional <c>text</c> field (bounded) and
/// then one file part, streamed straight into the encrypted store (nothing buffered whole, nothing on disk in the
/// clear). The text is checked before anything is stored; a refused file removes the message again
/// (<see cref="ThreadAttachments.SendAsync"/>), so every refusal leaves nothing behind.
/// </summary>
public static class MultipartMessage
{
    public delegate Task<long> Send(string text, Stream content, string? fileName);

    public static async Task<IResult> ReadAsync(
        HttpContext context, FollowUpOptions options, FilesOptions limits, TextCatalogue texts, string language, string errorPrefix, Send send, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // Room for the text and the multipart framing around the largest file; the store counts the file's own bytes.
            size.MaxRequestBodySize = limits.MaxFileBytes + FollowUpApi.MaxMessageBodyBytes(options) + (1024 * 1024);
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return FollowUpApi.Problem(StatusCodes.Status415UnsupportedMediaType, texts.Get(language, "files.error.multipart"));
        }

        var reader = new MultipartReader(boundary, context.Request.Body);
        string? text = null;
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
                    if (string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "text", StringComparison.Ordinal))
                    {
                        text = await ReadTextAsync(section.Body, FollowUpApi.MaxMessageBodyBytes(options), cancellationToken);
                        if (text is null)
                        {
                            return FollowUpApi.Problem(StatusCodes.Status413PayloadTooLarge, texts.Get(language, "followup.api.too_large"));
                        }
                    }

                    continue;
                }

                var problem = ThreadAttachments.Check(text, options.MessageMaxLength, withFile: true, out var message);
                if (problem != MessageProblem.None)
                {
                    return FollowUpApi.Invalid(texts.Get(language, errorPrefix + MessageText.Key(problem), options.MessageMaxLength), texts, language);
                }

                var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                var id = await send(message, section.Body, name);
                return TypedResults.Created((string?)null, new MessageCreated(id));
            }
        }
        catch (FileRefusedException refused)
        {
            return ReportFilesApi.Refused(refused, texts, language, limits);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ReportFilesApi.Refused(new FileRefusedException(FileRefusal.FileTooLarge), texts, language, limits);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return FollowUpApi.Problem(StatusCodes.Status400BadRequest, texts.Get(language, "files.error.multipart"));
        }

        return FollowUpApi.Problem(StatusCodes.Status400BadRequest, texts.Get(language, "files.error.missing"));
    }

    /// <summary>The field as UTF-8 text, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    private static async Task<string?> ReadTextAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[maxBytes + 1];
        var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return read > maxBytes ? null : Encoding.UTF8.GetString(buffer, 0, read);
    }
}
