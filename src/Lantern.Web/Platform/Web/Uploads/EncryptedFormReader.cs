using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Lantern.Web.Platform.Web.Uploads;

/// <summary>
/// Reads the multipart form of an endpoint marked with <see cref="IUploadLimit"/> before anything else does
/// (antiforgery, model binding): text fields into memory, files into encrypted <see cref="UploadSpool"/>s, then
/// installs the result as the request's form, so pages bind <see cref="IFormFile"/>s as usual. Two reasons:
/// ASP.NET Core's own form reader writes uploads above 64 KiB to a temporary file in the clear, and the
/// antiforgery check reads the form before page filters could raise the request size limit, so a photo above
/// the server's default limit (1 MiB) failed. Here the limit is raised first, from the endpoint's metadata.
/// A body beyond the limit answers 413, a malformed one 400 (the localised error pages), never a 500; only a
/// failing disk under the spool is a server error (<see cref="UploadSpoolException"/>).
/// <para>
/// Nothing is spooled for a request that is not a genuine form post: the antiforgery token must come before the
/// first file (the forms render it as their first field, and browsers send fields in document order; a script may
/// send it as a header instead), and it is validated when the first file part is reached. Without it, or with a
/// wrong one, the answer is 400 before a byte of any file is read. A client also holds at most
/// <see cref="UploadOptions.ConcurrentFormsPerClient"/> file forms at once (429 beyond), so one client cannot fill
/// the spool folder with many valid forms in parallel. (ARCHITECTURE.md, "File forms".)
/// </para>
/// </summary>
public sealed class EncryptedFormReader(
    RequestDelegate next, IOptions<FormOptions> formOptions, IOptions<UploadOptions> uploadOptions, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions)
{
    /// <summary>
    /// Files one form may carry. Far above what a person attaches at once; each file is an open temporary file
    /// for the length of the request, so a hostile form of a thousand tiny files is refused (400) early.
    /// </summary>
    public const int MaxFiles = 50;

    private readonly string _directory = UploadSpool.PrepareDirectory(uploadOptions.Value.Directory);

    /// <summary>File forms being read or handled, per client (keyed hash of the address, as for rate limits).</summary>
    private readonly ConcurrentDictionary<string, int> _formsPerClient = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<IUploadLimit>() is not { } upload
            || !MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var limit = upload.MaxRequestBytes(context.RequestServices);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }

        var client = ClientKey.Of(context);
        if (_formsPerClient.AddOrUpdate(client, 1, (_, count) => count + 1) > uploadOptions.Value.ConcurrentFormsPerClient)
        {
            Leave(client);
            Refuse(context, StatusCodes.Status429TooManyRequests);
            return;
        }

        // The spools live as long as the handler needs the files, and are disposed (file deleted, key zeroed)
        // before the response is complete, whatever happens.
        var spools = new List<UploadSpool>();
        try
        {
            IFormCollection form;
            try
            {
                form = await ReadAsync(context, contentType, limit, spools);
            }
            catch (AntiforgeryMissingException)
            {
                Refuse(context, StatusCodes.Status400BadRequest);
                return;
            }
            catch (UploadTooLargeException)
            {
                Refuse(context, StatusCodes.Status413PayloadTooLarge);
                return;
            }
            catch (BadHttpRequestException exception)
            {
                // Too large for the server, or cut short by the client.
                Refuse(context, exception.StatusCode);
                return;
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
            {
                // Not multipart as announced (no boundary, sections cut short, limits of FormOptions exceeded).
                Refuse(context, StatusCodes.Status400BadRequest);
                return;
            }

            context.Features.Set<IFormFeature>(new FormFeature(form));
            await next(context);
        }
        finally
        {
            foreach (var spool in spools)
            {
                spool.Dispose();
            }

            Leave(client);
        }
    }

    private void Leave(string client)
    {
        // Remove the entry at zero so the dictionary holds only clients with a form in progress.
        if (_formsPerClient.AddOrUpdate(client, 0, (_, count) => count - 1) <= 0)
        {
            _formsPerClient.TryRemove(new KeyValuePair<string, int>(client, 0));
        }
    }

    /// <summary>
    /// Validates the antiforgery token sent so far (the header, or the form field read before the first file) on a
    /// form holding only that field, so nothing of a file is read for a request that is not a genuine form post.
    /// </summary>
    private async Task CheckAntiforgeryAsync(HttpContext context, StringValues token)
    {
        var field = antiforgeryOptions.Value.FormFieldName;
        var soFar = token.Count > 0 ? new Dictionary<string, StringValues> { [field] = token } : null;
        context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(soFar)));
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            throw new AntiforgeryMissingException();
        }
    }

    /// <summary>
    /// Answers <paramref name="status"/> (the status code pages then show the localised error page); the request's
    /// form becomes empty so that the error page, re-executed on this request, does not try to read the body again.
    /// </summary>
    private static void Refuse(HttpContext context, int status)
    {
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Response.StatusCode = status;
    }

    private async Task<IFormCollection> ReadAsync(HttpContext context, MediaTypeHeaderValue contentType, long limit, List<UploadSpool> spools)
    {
        var options = formOptions.Value;
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > options.MultipartBoundaryLengthLimit)
        {
            throw new InvalidDataException("Missing or too long multipart boundary.");
        }

        var reader = new MultipartReader(boundary, context.Request.Body)
        {
            HeadersCountLimit = options.MultipartHeadersCountLimit,
            HeadersLengthLimit = options.MultipartHeadersLengthLimit,
            BodyLengthLimit = limit,
        };
        var fields = new KeyValueAccumulator();
        var files = new FormFileCollection();
        long used = 0;
        var antiforgeryChecked = false;
        var tokenField = antiforgeryOptions.Value.FormFieldName;
        StringValues token = default;
        var cancellationToken = context.RequestAborted;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (fields.ValueCount + files.Count >= options.ValueCountLimit)
            {
                throw new InvalidDataException("Too many form values.");
            }

            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                throw new InvalidDataException("A form section without a valid Content-Disposition.");
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (name.Length > options.KeyLengthLimit)
            {
                throw new InvalidDataException("A form field name is too long.");
            }

            if (disposition.IsFileDisposition())
            {
                if (spools.Count >= MaxFiles)
                {
                    throw new InvalidDataException("Too many files in one form.");
                }

                if (!antiforgeryChecked)
                {
                    await CheckAntiforgeryAsync(context, token);
                    antiforgeryChecked = true;
                }

                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? string.Empty;
                var spool = new UploadSpool(_directory);
                spools.Add(spool);
                await spool.WriteAsync(section.Body, limit - used, cancellationToken);
                used += spool.Length;

                // An empty file field (nothing chosen) is sent as a nameless empty part: like ASP.NET Core's binder, skip it.
                if (spool.Length == 0 && fileName.Length == 0)
                {
                    continue;
                }

                var headers = new HeaderDictionary();
                foreach (var header in section.Headers ?? [])
                {
                    headers[header.Key] = header.Value;
                }

                files.Add(new SpooledFormFile(spool, name, fileName, headers));
            }
            else if (disposition.IsFormDisposition())
            {
                var value = await ReadValueAsync(section, options.ValueLengthLimit, cancellationToken);
                used += value.Length;
                fields.Append(name, value);
                if (name == tokenField)
                {
                    token = StringValues.Concat(token, value);
                }
            }
        }

        return new FormCollection(fields.GetResults(), files);
    }

    private static async Task<string> ReadValueAsync(MultipartSection section, int limit, CancellationToken cancellationToken)
    {
        var encoding = MediaTypeHeaderValue.TryParse(section.ContentType, out var type) && type.Encoding is { } declared ? declared : Encoding.UTF8;
        using var reader = new StreamReader(section.Body, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1024, leaveOpen: true);
        var buffer = new char[1024];
        var value = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (value.Length + read > limit)
            {
                throw new InvalidDataException("A form value is too long.");
            }

            value.Append(buffer, 0, read);
        }

        return value.ToString();
    }
}
