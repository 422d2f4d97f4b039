using Lantern.Web.Core.Access;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Localisation;
using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Web.Referrals.Api;

/// <summary>The referral endpoints: refer a report, dismiss or restore a proposal, list referrals, acknowledge or withdraw one.</summary>
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
            .AsDecision();

        endpoints.MapPost("/api/v1/reports/{reference}/referral-dismissals", DismissAsync)
            .RequireAuthorization(StaffPolicies.ForApi(Permissions.ManageReferrals))
            .WithName("DismissReferralProposal")
            .WithTags("Referrals")
            .WithSummary("Do not follow a routing proposal")
            .WithDescription(
                "Body: {\"organisation\": code, \"rule\": id of the routing rule whose proposal is set aside}. Records (and audits) the " +
                "decision; the rules stop proposing that organisation for this report. Nothing is sent. 204 when done; 400 on an unknown " +
                "organisation, 404 when the report is not found, 409 when that rule no longer proposes that organisation (already referred, " +
                "already dismissed or the rules changed).")
            .Accepts<DismissRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .AsDecision();

        endpoints.MapDelete("/api/v1/reports/{reference}/referral-dismissals/{organisation}", RestoreAsync)
            .RequireAuthorization(StaffPolicies.ForApi(Permissions.ManageReferrals))
            .WithName("RestoreReferralProposal")
            .WithTags("Referrals")
            .WithSummary("Propose a dismissed referral again")
            .WithDescription(
                "Removes the dismissal (audited), so the rules propose the organisation again if they still match. 204 when done; 404 when " +
                "the report is not found, 409 when the proposal is not dismissed.")
            .Produces(StatusCodes.Status204NoContent)
            .AsDecision();

        endpoints.MapGet("/api/v1/referrals", ListAsync)
            .RequireAuthorization(StaffPolicies.ForApi(StaffPolicies.ReadAnyReports))
            .WithName("ListReferrals")
            .WithTags("Referrals")
            .WithSummary("List referrals")
            .WithDescription(
                "A partner caseworker gets the referrals to their organisation; the central team gets all of them, optionally filtered " +
                "by ?organisation=code and ?state=sent|acknowledged|accepted|declined|closed|withdrawn. Overdue ones (deadline passed, not " +
                "acknowledged) come first. At most 200.")
            .Produces<IReadOnlyList<ReferralSummary>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        endpoints.MapPost("/api/v1/referrals/{id:guid}/withdraw", WithdrawAsync)
            .RequireAuthorization(StaffPolicies.ForApi(Permissions.ManageReferrals))
            .WithName("WithdrawReferral")
            .WithTags("Referrals")
            .WithSummary("Withdraw a referral")
            .WithDescription(
                "Body: {\"reason\": text, kept encrypted for the contact point}. From then on the organisation no longer sees the report " +
                "or the referral; its notice address is told (without report content); a \"referred\" report with no other live referral " +
                "goes back to \"in progress\". 400 without a reason, 404 when the referral is not found, 409 when it is already withdrawn " +
                "or changed at the same moment.")
            .Accepts<WithdrawRequest>("application/json")
            .Produces<ReferralSummary>()
            .AsDecision();

        endpoints.MapPost("/api/v1/referrals/{id:guid}/acknowledge", AcknowledgeAsync)
            .RequireAuthorization(StaffPolicies.ForApi(Permissions.ReadReferredReports))
            .WithName("AcknowledgeReferral")
            .WithTags("Referrals")
            .WithSummary("Acknowledge a referral to your organisation")
            .WithDescription("Moves a sent referral to acknowledged. 404 for a referral to another organisation, 409 when it is no longer \"sent\".")
            .Produces<ReferralSummary>()
            .AsDecision(badRequest: false);
        return endpoints;
    }

    /// <summary>
    /// What every referral decision endpoint shares: its refusals as problem documents (400 unless it takes no
    /// input, 401, 403, 404, 409), and no antiforgery (bearer tokens only, so no cross-site requests).
    /// </summary>
    private static RouteHandlerBuilder AsDecision(this RouteHandlerBuilder builder, bool badRequest = true)
    {
        if (badRequest)
        {
            builder.ProducesProblem(StatusCodes.Status400BadRequest);
        }

        return builder
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .DisableAntiforgery();
    }

    public static ReferralSummary ToSummary(ReferralRow row, DateTime now) => new(
        row.Id, row.Reference, row.OrganisationCode, row.OrganisationName, row.Scope, row.State, Utc(row.CreatedAt), Utc(row.DueAt),
        row.IsOverdue(now), Utc(row.AcknowledgedAt), Utc(row.RespondedAt), Utc(row.ClosedAt), row.Outcome, row.RuleName, Utc(row.PartnerUpdatedAt),
        Utc(row.WithdrawnAt));

    private static async Task<Results<Created<ReferralSummary>, ProblemHttpResult>> ReferAsync(
        string reference, HttpContext context, ReferReport refer, ReferralQueries queries, TextCatalogue texts, LanguageSettings languages, TimeProvider clock, CancellationToken cancellationToken)
    {
        var language = languages.Choose(context.Request.Headers.AcceptLanguage);
        var body = await JsonBody.ReadAsync<ReferRequest>(context.Request, 16 * 1024, System.Text.Json.JsonSerializerOptions.Web, cancellationToken);
        if (body.Value is null)
        {
            return Unreadable(body, texts, language);
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

    public static DismissedReferral ToDismissed(DismissedProposal dismissed) =>
        new(dismissed.OrganisationCode, dismissed.OrganisationName, dismissed.RuleName, Utc(dismissed.DismissedAt), dismissed.DismissedBy);

    private static async Task<Results<NoContent, ProblemHttpResult>> DismissAsync(
        string reference, HttpContext context, DismissProposal dismiss, TextCatalogue texts, LanguageSettings languages, CancellationToken cancellationToken)
    {
        var language = languages.Choose(context.Request.Headers.AcceptLanguage);
        var body = await JsonBody.ReadAsync<DismissRequest>(context.Request, 16 * 1024, System.Text.Json.JsonSerializerOptions.Web, cancellationToken);
        if (body.Value is null)
        {
            return Unreadable(body, texts, language);
        }

        var result = await dismiss.DismissAsync(StaffMember.Of(context), reference, body.Value.Organisation, body.Value.Rule, cancellationToken);
        return result.Status == ReportActionStatus.Done ? TypedResults.NoContent() : Problem(result, texts, language);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RestoreAsync(
        string reference, string organisation, HttpContext context, DismissProposal dismiss, TextCatalogue texts, LanguageSettings languages, CancellationToken cancellationToken)
    {
        var result = await dismiss.RestoreAsync(StaffMember.Of(context), reference, organisation, cancellationToken);
        return result.Status == ReportActionStatus.Done ? TypedResults.NoContent() : Problem(result, texts, languages.Choose(context.Request.Headers.AcceptLanguage));
    }

    private static async Task<Results<Ok<ReferralSummary>, ProblemHttpResult>> WithdrawAsync(
        Guid id, HttpContext context, WithdrawReferral withdraw, ReferralQueries queries, TextCatalogue texts, LanguageSettings languages, TimeProvider clock, CancellationToken cancellationToken)
    {
        var language = languages.Choose(context.Request.Headers.AcceptLanguage);
        var body = await JsonBody.ReadAsync<WithdrawRequest>(context.Request, 64 * 1024, System.Text.Json.JsonSerializerOptions.Web, cancellationToken);
        if (body.Value is null)
        {
            return Unreadable(body, texts, language);
        }

        var member = StaffMember.Of(context);
        var result = await withdraw.ExecuteAsync(member, id, body.Value.Reason, cancellationToken);
        if (result.Status != ReportActionStatus.Done)
        {
            return Problem(result, texts, language);
        }

        var row = await queries.FindAsync(member, id, cancellationToken);
        return TypedResults.Ok(ToSummary(row!, clock.GetUtcNow().UtcDateTime));
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

    private static ProblemHttpResult Unreadable<T>(JsonBodyResult<T> body, TextCatalogue texts, string language) =>
        TypedResults.Problem(title: texts.Get(language, body.TooLarge ? "api.status.400" : "api.malformed_json"), statusCode: StatusCodes.Status400BadRequest);

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
