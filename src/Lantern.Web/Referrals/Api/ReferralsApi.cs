using Lantern.Web.Accounts;
using Lantern.Web.Accounts.Authorization;
using Lantern.Web.Accounts.SignIn;
using Lantern.Web.Platform.Localisation;
using Lantern.Web.Platform.Web;
using Lantern.Web.Triage.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Web.Referrals.Api;

/// <summary>A referral as the API returns it (no report content).</summary>
public sealed record ReferralSummary(
    Guid Id,
    string Report,
    string Organisation,
    string OrganisationName,
    string Scope,
    string State,
    DateTime CreatedAt,
    DateTime DueAt,
    bool Overdue,
    DateTime? AcknowledgedAt,
    DateTime? RespondedAt,
    DateTime? ClosedAt,
    string? Outcome,
    string? Rule,
    DateTime? PartnerUpdatedAt);

/// <summary>A referral the routing rules propose (not stored until confirmed).</summary>
public sealed record ProposedReferral(string Organisation, string OrganisationName, string Scope, int RuleId, string Rule);

/// <summary>The body of <c>POST /api/v1/reports/{reference}/referrals</c>.</summary>
public sealed record ReferRequest(string? Organisation, string? Scope, int? Rule);

/// <summary>The referral endpoints: refer a report, list referrals, acknowledge one.</summary>
public static class ReferralsApi
{
    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/reports/{reference}/referrals", ReferAsync)
            .RequireAuthorization(StaffPolicies.ForApi(Permissions.ManageReferrals))
            .WithName("ReferReport")
            .WithTags("Referrals")
            .WithSummary("Refer a report to a partner organisation")
            .WithDescription(
                "Body: {\"organisation\": code, \"scope\": \"full\" | \"without-contact\", \"rule\": optional id of the routing rule whose " +
                "proposal is confirmed}. Writes the referral, moves the report to \"referred\" when its status allows and queues a notice " +
                "(without report content) for the organisation. 400 on a bad organisation or scope, 404 when the report is not found, " +
                "409 when the report is already referred there or the named rule no longer proposes it.")
            .Accepts<ReferRequest>("application/json")
            .Produces<ReferralSummary>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .DisableAntiforgery();

        endpoints.MapGet("/api/v1/referrals", ListAsync)
            .RequireAuthorization(StaffPolicies.ForApi(StaffPolicies.ReadAnyReports))
            .WithName("ListReferrals")
            .WithTags("Referrals")
            .WithSummary("List referrals")
            .WithDescription(
                "A partner caseworker gets the referrals to their organisation; the central team gets all of them, optionally filtered " +
                "by ?organisation=code and ?state=sent|acknowledged|accepted|declined|closed. Overdue ones (deadline passed, not " +
                "acknowledged) come first. At most 200.")
            .Produces<IReadOnlyList<ReferralSummary>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        endpoints.MapPost("/api/v1/referrals/{id:guid}/acknowledge", AcknowledgeAsync)
            .RequireAuthorization(StaffPolicies.ForApi(Permissions.ReadReferredReports))
            .WithName("AcknowledgeReferral")
            .WithTags("Referrals")
            .WithSummary("Acknowledge a referral to your organisation")
            .WithDescription("Moves a sent referral to acknowledged. 404 for a referral to another organisation, 409 when it is no longer \"sent\".")
            .Produces<ReferralSummary>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .DisableAntiforgery();
        return endpoints;
    }

    public static ReferralSummary ToSummary(ReferralRow row, DateTime now) => new(
        row.Id, row.Reference, row.OrganisationCode, row.OrganisationName, row.Scope, row.State, Utc(row.CreatedAt), Utc(row.DueAt),
        row.IsOverdue(now), Utc(row.AcknowledgedAt), Utc(row.RespondedAt), Utc(row.ClosedAt), row.Outcome, row.RuleName, Utc(row.PartnerUpdatedAt));

    private static async Task<Results<Created<ReferralSummary>, ProblemHttpResult>> ReferAsync(
        string reference, HttpContext context, ReferReport refer, ReferralQueries queries, TextCatalogue texts, LanguageSettings languages, TimeProvider clock, CancellationToken cancellationToken)
    {
        var language = languages.Choose(context.Request.Headers.AcceptLanguage);
        var body = await JsonBody.ReadAsync<ReferRequest>(context.Request, 16 * 1024, System.Text.Json.JsonSerializerOptions.Web, cancellationToken);
        if (body.Value is null)
        {
            return TypedResults.Problem(title: texts.Get(language, body.TooLarge ? "api.status.400" : "api.malformed_json"), statusCode: StatusCodes.Status400BadRequest);
        }

        var member = StaffMember.Of(context);
        var (result, id) = await refer.ExecuteAsync(member, reference, body.Value.Organisation, body.Value.Scope, body.Value.Rule, cancellationToken);
        if (result.Status != ReportActionStatus.Done)
        {
            return Problem(result, texts, language);
        }

        var row = await queries.FindAsync(member, id!.Value, cancellationToken);
        return TypedResults.Created($"/api/v1/referrals/{id}", ToSummary(row!, clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Ok<List<ReferralSummary>>> ListAsync(
        string? organisation, string? state, HttpContext context, ReferralQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await queries.ListAsync(StaffMember.Of(context), organisation, state, now, cancellationToken);
        return TypedResults.Ok(rows.Select(r => ToSummary(r, now)).ToList());
    }

    private static async Task<Results<Ok<ReferralSummary>, ProblemHttpResult>> AcknowledgeAsync(
        Guid id, HttpContext context, RespondToReferral respond, ReferralQueries queries, TextCatalogue texts, LanguageSettings languages, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = StaffMember.Of(context);
        var result = await respond.AcknowledgeAsync(member, id, cancellationToken);
        if (result.Status != ReportActionStatus.Done)
        {
            return Problem(result, texts, languages.Choose(context.Request.Headers.AcceptLanguage));
        }

        var row = await queries.FindAsync(member, id, cancellationToken);
        return TypedResults.Ok(ToSummary(row!, clock.GetUtcNow().UtcDateTime));
    }

    private static ProblemHttpResult Problem(ReportActionResult result, TextCatalogue texts, string language)
    {
        var (status, key) = result.Status switch
        {
            ReportActionStatus.NotFound => (StatusCodes.Status404NotFound, "api.status.404"),
            ReportActionStatus.Forbidden => (StatusCodes.Status403Forbidden, "api.status.403"),
            ReportActionStatus.Conflict => (StatusCodes.Status409Conflict, result.MessageKey!),
            _ => (StatusCodes.Status400BadRequest, result.MessageKey!),
        };
        return TypedResults.Problem(title: texts.Get(language, key, result.Arguments), statusCode: status);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
