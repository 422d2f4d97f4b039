using Lantern.Web.Core.Files;
using Lantern.Web.FollowUp.Api;
using Lantern.Web.Platform.Web;

namespace Lantern.Web.FollowUp.Staff.Api;

/// <summary>The follow-up API, the team's side (back office): a personal access token that may read reports, the member bound as a parameter.</summary>
public static class StaffThreadApi
{
    public static IEndpointRouteBuilder MapStaffThreadApi(this IEndpointRouteBuilder endpoints)
    {
        // The team's side: a staff token that may read reports, the member bound as a parameter.
        var team = endpoints.MapGroup("/api/v1/reports/{reference}")
            .RequireAuthorization(StaffPolicies.ForApi(StaffPolicies.ReadAnyReports))
            .WithTags("Reports");

        team.MapGet("/messages", StaffThreadAsync)
            .WithName("GetReportMessages")
            .WithSummary("The team reads the thread with the reporter")
            .WithDescription(
                "With a personal access token of the central team. The messages both ways, oldest first (`from`: `reporter` or `team`, " +
                "`author`: the team member's e-mail), each with its files (`url`: the staff file endpoint; an image as its rendition), " +
                "the reporter's contact changes and the first-reply deadline. Counts as opening the thread (the report's unread mark " +
                "is cleared). Audited as `report.thread-read`. The thread is the central team's: any report answers 404 to a partner " +
                "organisation, as does a report out of scope.")
            .Produces<StaffThreadDto>()
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .Produces(StatusCodes.Status404NotFound);

        team.MapPost("/messages", StaffMessageAsync)
            .WithName("PostReportMessage")
            .WithSummary("The team writes to the reporter")
            .WithDescription(
                "With a personal access token of the central team (triage permission). The message appears in the reporter's thread; " +
                "it is audited as `report.message`. A report out of scope (and any report for a partner organisation) answers 404.")
            .Accepts<MessageRequest>("application/json")
            .Produces<MessageCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .Produces(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery();

        team.MapPost("/messages/files", StaffFileMessageAsync)
            .WithName("PostReportMessageFile")
            .WithSummary("The team sends the reporter a file, with or without a message")
            .WithDescription(
                "Personal access token of the central team (triage permission). multipart/form-data: an optional `text` field FIRST, " +
                "then one file part. The reporter can download it from their thread. Audited as `report.message` and `file.added`. " +
                "413/415/422 for a refused file, 400 for a bad text; nothing is stored then. Out of scope: 404.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<MessageCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .Produces(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> StaffFileMessageAsync(
        string reference, HttpContext context, StaffMember member, StaffThread threads, IOptions<FollowUpOptions> options, IOptions<FilesOptions> files,
        TextCatalogue texts, RequestLanguage language, CancellationToken cancellationToken)
    {

        // Scope and permission before the body: out of scope is 404, whatever was sent.
        if (await threads.FindAsync(member, reference, cancellationToken) is null)
        {
            return Outcome.NotFound().ToProblem(texts, language.Code);
        }

        if (!member.Can(Permissions.TriageReports))
        {
            return Outcome.Forbidden().ToProblem(texts, language.Code);
        }

        return await MultipartMessage.ReadAsync(context, options.Value, files.Value, texts, language.Code, "staff.followup.error.", async (text, content, name) =>
        {
            var result = await threads.SendAsync(member, reference, text, content, name, cancellationToken);
            return result.IsDone ? result.Value : throw new InvalidOperationException($"The message was not sent: {result.Kind}.");
        }, cancellationToken);
    }

    private static async Task<IResult> StaffThreadAsync(string reference, HttpContext context, StaffMember member, StaffThread threads, CancellationToken cancellationToken)
    {
        if (await threads.ReadAsync(member, reference, "api", cancellationToken) is not { } view)
        {
            return TypedResults.NotFound();
        }

        // Decrypted messages: no cache anywhere may keep them.
        NoStore.Apply(context.Response);
        var files = $"/api/v1/reports/{Uri.EscapeDataString(view.Reference)}/files/";
        return TypedResults.Ok(new StaffThreadDto(
            view.Reference,
            view.ReceivedAt,
            view.ReporterActiveAt,
            view.FirstReplyAt,
            view.FirstReplyDue,
            view.FirstReplyOverdue,
            [.. view.Messages.Select(m => new StaffThreadMessageDto(
                m.Id, m.CreatedAt, m.FromReporter ? "reporter" : "team", m.Author, m.Text,
                [.. m.Files.Select(f => new ThreadFileDto(f.Id, f.Name, f.ContentType, f.Length, files + f.Id))]))],
            [.. view.ContactChanges.Select(c => new ContactChangeDto(c.At, c.Action))]));
    }

    private static async Task<IResult> StaffMessageAsync(
        string reference, HttpContext context, StaffMember member, StaffThread threads, IOptions<FollowUpOptions> options, TextCatalogue texts, RequestLanguage language, CancellationToken cancellationToken)
    {

        // Whether the report is there at all comes before anything about the body: out of scope is 404, whatever was sent.
        var (text, refusal) = await MessageBodies.ReadMessageAsync(context, options.Value, texts, language.Code, "staff.followup.error.", cancellationToken);
        var result = await threads.SendAsync(member, reference, refusal is null ? text : null, null, null, cancellationToken);
        return result.Kind switch
        {
            OutcomeKind.Done => TypedResults.Created((string?)null, new MessageCreated(result.Value)),
            OutcomeKind.Invalid when refusal is not null => refusal,
            _ => result.ToProblem(texts, language.Code),
        };
    }
}
