using System.Buffers;
using System.Text.Json;

namespace Lantern.Web.Platform.Web;

/// <summary>
/// Reads a JSON request body with a hard size limit. Every API reads its JSON through <see cref="ReadOrRefuseAsync"/>,
/// so the same faults are refused the same way everywhere, with localised problem details: 415 when the body is not
/// declared as JSON, 413 beyond the endpoint's <see cref="BodyLimit"/>, 400 (a validation problem naming where it
/// broke) for malformed JSON or JSON that does not fit the request; never a 500.
/// </summary>
public static class JsonBody
{
    /// <summary>The value, or the refusal to answer instead (415, 413 or 400).</summary>
    public static async Task<(T? Value, IResult? Refusal)> ReadOrRefuseAsync<T>(
        HttpContext context, BodyLimit limit, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        if (NotJson(context) is { } unsupported)
        {
            return (null, unsupported);
        }

        var body = await ReadAsync<T>(context.Request, limit.MaxBytes, options, cancellationToken);
        if (body.Value is not null)
        {
            return (body.Value, null);
        }

        var (texts, language) = Texts(context);
        return body.TooLarge
            ? (null, TypedResults.Problem(title: texts.Get(language, limit.MessageKey, limit.Kilobytes), statusCode: StatusCodes.Status413PayloadTooLarge))
            : (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { [body.ErrorPath ?? "$"] = [texts.Get(language, "api.malformed_json")] },
                title: texts.Get(language, "api.invalid_title")));
    }

    /// <summary>
    /// The 415 for a body not declared as JSON, or null. <see cref="ReadOrRefuseAsync"/> checks it too; an endpoint that
    /// must refuse it before other work (the report API: before counting the client's reports) asks first.
    /// </summary>
    public static IResult? NotJson(HttpContext context)
    {
        if (context.Request.HasJsonContentType())
        {
            return null;
        }

        var (texts, language) = Texts(context);
        return TypedResults.Problem(title: texts.Get(language, "api.unsupported_media_type"), statusCode: StatusCodes.Status415UnsupportedMediaType);
    }

    private static (TextCatalogue Texts, string Language) Texts(HttpContext context) =>
        (context.RequestServices.GetRequiredService<TextCatalogue>(),
            context.RequestServices.GetRequiredService<LanguageSettings>().Choose(context.Request.Headers.AcceptLanguage));

    /// <summary>The bounded read itself: a value, or why there is none.</summary>
    public static async Task<JsonBodyResult<T>> ReadAsync<T>(HttpRequest request, int maxBytes, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return new(null, TooLarge: true, null);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    return new(null, TooLarge: true, null);
                }
            }

            try
            {
                var value = JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), options);
                return new(value, TooLarge: false, value is null ? "$" : null);
            }
            catch (JsonException exception)
            {
                return new(null, TooLarge: false, string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path);
            }
        }
        finally
        {
            // The buffer held report content: clear it before it goes back to the pool.
            Array.Clear(buffer, 0, Math.Min(buffer.Length, maxBytes + 1));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
