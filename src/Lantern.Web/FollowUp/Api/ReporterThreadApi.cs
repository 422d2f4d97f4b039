using System.Security.Cryptography;
using Lantern.Web.Core.Files;
using Lantern.Web.FollowUp.Sessions;
using Lantern.Web.FollowUp.Thread;
using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Web.FollowUp.Api;

/// <summary>
/// The follow-up API, the reporter's side (public): anonymous, a receipt opens a session answered as a bearer token
/// (<c>lfu_...</c>, in memory, idle expiry like the pages), which no staff endpoint accepts, just as no follow-up
/// endpoint accepts a staff personal access token (<c>lnt_...</c>). The team's side is <c>Staff/Api/StaffThreadApi</c>.
/// </summary>
public static class ReporterThreadApi
{
    /// <summary>A receipt is short: anything beyond 1 KB is not one.</summary>
    private static readonly BodyLimit _signInLimit = new(1024, "followup.api.too_large");

    public static IEndpointRouteBuilder MapReporterThreadApi(this IEndpointRouteBuilder endpoints)
    {
        // The reporter's side: anonymous, each endpoint checks the follow-up session token itself.
        var reporter = endpoints.MapGroup("/api/v1/followup").WithTags("Follow-up");

        reporter.MapPost("/session", SignInAsync)
            .WithName("OpenFollowUpSession")
            .WithSummary("Sign in with a receipt")
            .WithDescription(
                "Answers a bearer token for the reporter's thread. Any refused receipt (malformed, unknown or wrong) answers the " +
                "same 401; attempts are rate limited per client (429). The token ends after the configured idle minutes.")
            .Accepts<FollowUpSessionRequest>("application/json")
            .WithMetadata(_signInLimit)
            .Produces<FollowUpSession>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .DisableAntiforgery();

        reporter.MapDelete("/session", SignOutAsync)
            .WithName("EndFollowUpSession")
            .WithSummary("Sign out (escape)")
            .WithDescription(
                "With `Authorization: Bearer lfu_...`. Ends the session at once and zeroes its key on the server, as the escape " +
                "button and sign-out do for the pages: an app should call it when the reporter leaves. Always 204, whether or " +
                "not the token was still valid.")
            .Produces(StatusCodes.Status204NoContent)
            .DisableRateLimiting();

        reporter.MapGet("/thread", ThreadAsync)
            .WithName("GetFollowUpThread")
            .WithSummary("The reporter's thread")
            .WithDescription("With `Authorization: Bearer lfu_...`. Status in plain words, the acknowledgement and the messages (texts in the Accept-Language).")
            .Produces<ThreadDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        reporter.MapPost("/messages", ReporterMessageAsync)
            .WithName("PostFollowUpMessage")
            .WithSummary("The reporter writes to the team")
            .WithDescription("With `Authorization: Bearer lfu_...`. An empty or too long text answers 400, a body beyond the limit 413; nothing is stored then.")
            .Accepts<MessageRequest>("application/json")
            .Produces<MessageCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery();

        reporter.MapPost("/files", ReporterFileAsync)
            .WithName("PostFollowUpFile")
            .WithSummary("The reporter sends a file, with or without a message")
            .WithDescription(
                "With `Authorization: Bearer lfu_...`. multipart/form-data: an optional `text` field FIRST, then one file part. " +
                "The type is decided by the content (JPEG, PNG, WebP, PDF, common audio), never by the name. Answers the message's id. " +
                "A refused file answers 413 (over a limit), 415 (type) or 422 (cut short, damaged); a bad text 400; nothing is stored then.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<MessageCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();

        reporter.MapGet("/files/{id:guid}", ReporterFileDownloadAsync)
            .WithName("GetFollowUpFile")
            .WithSummary("The reporter downloads a file of the thread")
            .WithDescription(
                "With `Authorization: Bearer lfu_...`. The reporter's own files and those the team sent in the thread, as a download " +
                "(no-store, nosniff); an image as its re-encoded rendition without metadata. Anything else answers 404.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, ReceiptSignIn signIn, IOptions<FollowUpOptions> options, TextCatalogue texts, RequestLanguage language, CancellationToken cancellationToken)
    {
        var (body, refusal) = await JsonBody.ReadOrRefuseAsync<FollowUpSessionRequest>(context, _signInLimit, MessageBodies.Json, cancellationToken);
        if (body is null)
        {
            return refusal!;
        }

        var result = await signIn.ExecuteAsync(context, body.Receipt, ReporterSessionKind.Api, cancellationToken);
        NoStore.Apply(context.Response);
        return result.Outcome switch
        {
            SignInOutcome.SignedIn => TypedResults.Ok(new FollowUpSession(result.SessionId!, options.Value.SessionIdleMinutes)),
            SignInOutcome.TooManyAttempts => MessageBodies.Problem(StatusCodes.Status429TooManyRequests, texts.Get(language.Code, "followup.signin.error.too-many")),
            _ => MessageBodies.Problem(StatusCodes.Status401Unauthorized, texts.Get(language.Code, "followup.signin.error.refused")),
        };
    }

    private static async Task<Results<Ok<ThreadDto>, ProblemHttpResult>> ThreadAsync(
        HttpContext context, ReporterSessions sessions, ReporterThread reader, TextCatalogue texts, RequestLanguage language, CancellationToken cancellationToken)
    {
        if (await SessionAsync(context, sessions) is not { } access)
        {
            // A refused reporter token counts towards the client's refused tokens, as a staff token does.
            if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                context.RequestServices.GetRequiredService<TokenProbeLimiter>().Failed(context);
            }

            return Unauthorized(texts, language.Code);
        }

        try
        {
            if (await reader.OpenAsync(access.ReportId, access.DataKey, cancellationToken) is not { } view)
            {
                return Unauthorized(texts, language.Code);
            }

            NoStore.Apply(context.Response);
            var acknowledgement = new ThreadMessageDto(0, view.ReceivedAt, "team", texts.Get(language.Code, "followup.acknowledgement"), false, []);
            return TypedResults.Ok(new ThreadDto(
                view.Reference,
                view.ReceivedAt,
                view.Status,
                texts.Get(language.Code, "followup.status." + view.Status),
                view.ContactRequested,
                [acknowledgement, .. view.Messages.Select(m => new ThreadMessageDto(m.Id, m.CreatedAt, m.FromReporter ? "reporter" : "team", m.Text, m.IsNew, [.. m.Files.Select(ToDto)]))]));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(access.DataKey);
        }
    }

    private static async Task<IResult> ReporterMessageAsync(
        HttpContext context, ReporterSessions sessions, ReportThread thread, IOptions<FollowUpOptions> options, TextCatalogue texts, RequestLanguage language, CancellationToken cancellationToken)
    {
        return await WithSessionAsync(context, sessions, texts, language.Code, async access =>
        {
            var (text, refusal) = await MessageBodies.ReadMessageAsync(context, options.Value, texts, language.Code, "followup.error.", cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var id = await thread.AppendAsync(access.ReportId, access.DataKey, authorId: null, text!, cancellationToken);
            return TypedResults.Created((string?)null, new MessageCreated(id));
        });
    }

    private static async Task<IResult> ReporterFileAsync(
        HttpContext context, ReporterSessions sessions, ThreadAttachments attachments, IOptions<FollowUpOptions> options, IOptions<FilesOptions> files,
        TextCatalogue texts, RequestLanguage language, CancellationToken cancellationToken)
    {
        return await WithSessionAsync(context, sessions, texts, language.Code, access =>
            MultipartMessage.ReadAsync(context, options.Value, files.Value, texts, language.Code, "followup.error.", (text, content, name) =>
                attachments.SendAsync(access.ReportId, access.DataKey, authorId: null, text, content, name, cancellationToken), cancellationToken));
    }

    private static async Task<IResult> ReporterFileDownloadAsync(
        Guid id, HttpContext context, ReporterSessions sessions, ThreadAttachments attachments, TextCatalogue texts, RequestLanguage language, CancellationToken cancellationToken)
    {
        return await WithSessionAsync(context, sessions, texts, language.Code, async access =>
            await attachments.OpenForReporterAsync(access.ReportId, access.DataKey, id, cancellationToken) is { } content
                ? new DecryptedFileResult(content)
                : TypedResults.NotFound());
    }

    private static ThreadFileDto ToDto(ThreadFile file) =>
        new(file.Id, file.Name, file.ContentType, file.Length, $"/api/v1/followup/files/{file.Id}");

    /// <summary>
    /// Runs <paramref name="action"/> with the caller's reporter session, or answers 401 without one; the copy of
    /// the data key the session handed out is zeroed afterwards, whatever happened.
    /// </summary>
    private static async Task<IResult> WithSessionAsync(
        HttpContext context, ReporterSessions sessions, TextCatalogue texts, string language, Func<ReporterAccess, Task<IResult>> action)
    {
        if (await SessionAsync(context, sessions) is not { } access)
        {
            // A refused reporter token counts towards the client's refused tokens, as a staff token does.
            if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                context.RequestServices.GetRequiredService<TokenProbeLimiter>().Failed(context);
            }

            return Unauthorized(texts, language);
        }

        try
        {
            return await action(access);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(access.DataKey);
        }
    }

    /// <summary>The API's sign-out: the token's session ends at once (its key zeroed), rather than after its idle minutes.</summary>
    private static async Task<NoContent> SignOutAsync(HttpContext context, ReporterSessions sessions)
    {
        await sessions.EndAsync(Token(context), context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<ReporterAccess?> SessionAsync(HttpContext context, ReporterSessions sessions) =>
        Token(context) is { } token ? await sessions.UseAsync(token, ReporterSessionKind.Api, context.RequestAborted) : null;

    /// <summary>The bearer token when it is a follow-up API token (never a page session id nor a staff token).</summary>
    private static string? Token(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && header["Bearer ".Length..].Trim() is { } token
            && token.StartsWith(ReporterSessions.ApiTokenPrefix, StringComparison.Ordinal)
            ? token
            : null;
    }

    private static ProblemHttpResult Unauthorized(TextCatalogue texts, string language) =>
        MessageBodies.Problem(StatusCodes.Status401Unauthorized, texts.Get(language, "followup.api.unauthorized"));
}
