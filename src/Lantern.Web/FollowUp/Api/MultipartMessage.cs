using System.Text;
using Lantern.Web.Core.Files;
using Lantern.Web.FollowUp.Thread;

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
        string? text = null;

        // Room for the text and the multipart framing around the largest file; the store counts the file's own bytes.
        return await MultipartUpload.ReadAsync(
            context,
            limits.MaxFileBytes + MessageBodies.MaxMessageBodyBytes(options) + (1024 * 1024),
            limits,
            async (name, value) =>
            {
                if (!string.Equals(name, "text", StringComparison.Ordinal))
                {
                    return null;
                }

                text = await ReadTextAsync(value, MessageBodies.MaxMessageBodyBytes(options), cancellationToken);
                return text is null ? MessageBodies.Problem(StatusCodes.Status413PayloadTooLarge, texts.Get(language, "followup.api.too_large")) : null;
            },
            async (name, content) =>
            {
                var problem = ThreadAttachments.Check(text, options.MessageMaxLength, withFile: true, out var message);
                if (problem != MessageProblem.None)
                {
                    return MessageBodies.Invalid(texts.Get(language, errorPrefix + MessageText.Key(problem), options.MessageMaxLength), texts, language);
                }

                var id = await send(message, content, name);
                return TypedResults.Created((string?)null, new MessageCreated(id));
            },
            cancellationToken);
    }

    /// <summary>The field as UTF-8 text, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    private static async Task<string?> ReadTextAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[maxBytes + 1];
        var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return read > maxBytes ? null : Encoding.UTF8.GetString(buffer, 0, read);
    }
}
