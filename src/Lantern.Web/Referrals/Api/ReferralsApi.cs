using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Web.Referrals.Api;

/// <summary>The referral endpoints: refer a report, dismiss or restore a proposal, list referrals, acknowledge or withdraw one.</summary>
public static class ReferralsApi
{
    /// <summary>A decision's body (an organisation code, a scope, a rule): small.</summary>
    private static readonly BodyLimit _decision = new(16 * 1024);

    /// <summary>A withdrawal's body carries the reason, a free text.</summary>
    private static readonly BodyLimit _withdrawal = new(64 * 1024);

    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder endpoints)
    {
        // Each endpoint names its permission; the staff member is bound as a parameter.
        var referrals = endpoints.MapGroup("/api/v1").WithTags("Referrals");
        referrals.MapPost("/reports/{reference}/referrals", ReferAsync)
            .RequireAuthorization(StaffPolicies.ForApi(Permissions.ManageReferrals))
            .WithName("ReferReport")
            .WithSummary("Refer a report to a partner organisation")
            .WithDescription(
                "Body: {\"organisation\": code, \"scope\": \"full\" | \"without-contact\", \"rule\": optional id of the routing rule whose " +
                "proposal is confirmed}. Writes the referral, moves the report to \"referred\" when its status allows and queues a notice " +
                "(without report content) for the organisation. 400 on a bad organisation or scope, 404 when the report is not found, " +
                "409 when the report is already referred there or the named rule no longer proposes it.")
            .Accepts<ReferRequest>("application/json")
            .WithMetadata(_decision)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .Produces<ReferralSummary>(StatusCodes.Status201Created)
            .AsDecision();

        referrals.MapPost("/reports/{reference}/referral-dismissals", DismissAsync)
            .RequireAuthorization(StaffPolicies.ForApi(Permissions.ManageReferrals))
            .WithName("DismissReferralProposal")
            .WithSummary("Do not follow a routing proposal")
            .WithDescription(
                "Body: {\"organisation\": code, \"rule\": id of the routing rule whose proposal is set aside}. Records (and audits) the " +
                "decision; the rules stop proposing that organisation for this report. Nothing is sent. 204 when done; 400 on an unknown " +
                "organisation, 404 when the report is not found, 409 when that rule no longer proposes that organisation (already referred, " +
                "already dismissed or the rules changed).")
            .Accepts<DismissRequest>("application/json")
            .WithMetadata(_decision)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .Produces(StatusCodes.Status204NoContent)
            .AsDecision();

        referrals.MapDelete("/reports/{reference}/referral-dismissals/{organisation}", RestoreAsync)
            .RequireAuthorization(StaffPolicies.ForApi(Permissions.ManageReferrals))
            .WithName("RestoreReferralProposal")
            .WithSummary("Propose a dismissed referral again")
            .WithDescription(
                "Removes the dismissal (audited), so the rules propose the organisation again if they still match. 204 when done; 404 when " +
                "the report is not found, 409 when the proposal is not dismissed.")
            .Produces(StatusCodes.Status204NoContent)
            .AsDecision();

        referrals.MapGet("/referrals", ListAsync)
            .RequireAuthorization(StaffPolicies.ForApi(StaffPolicies.ReadAnyReports))
            .WithName("ListReferrals")
            .WithSummary("List referrals")
            .WithDescription(
                "A partner caseworker gets the referrals to their organisation; the central team gets all of them, optionally filtered " +
                "by ?organisation=code and ?state=sent|acknowledged|accepted|declined|closed|withdrawn. Overdue ones (deadline passed, not " +
                "acknowledged) come first. At most 200.")
            .Produces<IReadOnlyList<ReferralSummary>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        referrals.MapPost("/referrals/{id:guid}/withdraw", WithdrawAsync)
            .RequireAuthorization(StaffPolicies.ForApi(Permissions.ManageReferrals))
            .WithName("WithdrawReferral")
            .WithSummary("Withdraw a referral")
            .WithDescription(
                "Body: {\"reason\": text, kept encrypted for the contact point}. From then on the organisation no longer sees the report " +
                "or the referral; its notice address is told (without report content); a \"referred\" report with no other live referral " +
                "goes back to \"in progress\". 400 without a reason, 404 when the referral is not found, 409 when it is already withdrawn " +
                "or changed at the same moment.")
            .Accepts<WithdrawRequest>("application/json")
            .WithMetadata(_withdrawal)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .Produces<ReferralSummary>()
            .AsDecision();

        referrals.MapPost("/referrals/{id:guid}/acknowledge", AcknowledgeAsync)
            .RequireAuthorization(StaffPolicies.ForApi(Permissions.ReadReferredReports))
            .WithName("AcknowledgeReferral")
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
        row.Id, row.Reference, row.OrganisationCode, row.OrganisationName, row.Scope, row.State, row.CreatedAt, row.DueAt,
        row.IsOverdue(now), row.AcknowledgedAt, row.RespondedAt, row.ClosedAt, row.Outcome, row.RuleName, row.PartnerUpdatedAt,
        row.WithdrawnAt);

    private static async Task<IResult> ReferAsync(
        string reference, HttpContext context, StaffMember member, ReferReport refer, ReferralQueries queries, TextCatalogue texts, RequestLanguage language, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, refusal) = await JsonBody.ReadOrRefuseAsync<ReferRequest>(context, _decision, System.Text.Json.JsonSerializerOptions.Web, cancellationToken);
        if (body is null)
        {
            return refusal!;
        }

        var referred = await refer.ExecuteAsync(member, reference, body.Organisation, body.Scope, body.Rule, cancellationToken);
        if (!referred.IsDone)
        {
            return referred.ToProblem(texts, language.Code);
        }

        var id = referred.Value;
        var row = await queries.FindAsync(member, id, cancellationToken);
        return TypedResults.Created($"/api/v1/referrals/{id}", ToSummary(row!, clock.GetUtcNow().UtcDateTime));
    }

    public static DismissedReferral ToDismissed(DismissedProposal dismissed) =>
        new(dismissed.OrganisationCode, dismissed.OrganisationName, dismissed.RuleName, dismissed.DismissedAt, dismissed.DismissedBy);

    private static async Task<IResult> DismissAsync(
        string reference, HttpContext context, StaffMember member, DismissProposal dismiss, TextCatalogue texts, RequestLanguage language, CancellationToken cancellationToken)
    {
        var (body, refusal) = await JsonBody.ReadOrRefuseAsync<DismissRequest>(context, _decision, System.Text.Json.JsonSerializerOptions.Web, cancellationToken);
        if (body is null)
        {
            return refusal!;
        }

        var result = await dismiss.DismissAsync(member, reference, body.Organisation, body.Rule, cancellationToken);
        return result.IsDone ? TypedResults.NoContent() : result.ToProblem(texts, language.Code);
    }

    private static async Task<IResult> RestoreAsync(
        string reference, string organisation, StaffMember member, DismissProposal dismiss, TextCatalogue texts, RequestLanguage language, CancellationToken cancellationToken)
    {
        var result = await dismiss.RestoreAsync(member, reference, organisation, cancellationToken);
        return result.IsDone ? TypedResults.NoContent() : result.ToProblem(texts, language.Code);
    }

    private static async Task<IResult> WithdrawAsync(
        Guid id, HttpContext context, StaffMember member, WithdrawReferral withdraw, ReferralQueries queries, TextCatalogue texts, RequestLanguage language, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, refusal) = await JsonBody.ReadOrRefuseAsync<WithdrawRequest>(context, _withdrawal, System.Text.Json.JsonSerializerOptions.Web, cancellationToken);
        if (body is null)
        {
            return refusal!;
        }

        var result = await withdraw.ExecuteAsync(member, id, body.Reason, cancellationToken);
        if (!result.IsDone)
        {
            return result.ToProblem(texts, language.Code);
        }

        var row = await queries.FindAsync(member, id, cancellationToken);
        return TypedResults.Ok(ToSummary(row!, clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Ok<List<ReferralSummary>>> ListAsync(
        string? organisation, string? state, StaffMember member, ReferralQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await queries.ListAsync(member, organisation, state, now, cancellationToken);
        return TypedResults.Ok(rows.Select(r => ToSummary(r, now)).ToList());
    }

    private static async Task<IResult> AcknowledgeAsync(
        Guid id, StaffMember member, RespondToReferral respond, ReferralQueries queries, TextCatalogue texts, RequestLanguage language, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await respond.AcknowledgeAsync(member, id, cancellationToken);
        if (!result.IsDone)
        {
            return result.ToProblem(texts, language.Code);
        }

        var row = await queries.FindAsync(member, id, cancellationToken);
        return TypedResults.Ok(ToSummary(row!, clock.GetUtcNow().UtcDateTime));
    }


}
