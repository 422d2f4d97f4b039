using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Web.Triage.Api;

/// <summary><c>GET /api/v1/reports/{reference}</c>: one report, decrypted for those allowed to read it, audited; 404 otherwise.</summary>
public static class ReportApi
{
    /// <summary>Maps into the triage group (<c>/api/v1</c>, staff token).</summary>
    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/{reference}", GetAsync)
            .WithName("GetReport")
            .WithTags("Reports")
            .WithSummary("Read one report")
            .WithDescription(
                "The report's coded fields and its decrypted content. The central team also gets the internal notes; a partner " +
                "organisation sees only reports referred to it (any other reference answers 404), without the reporter's contact " +
                "details when the referral withholds them, and never the notes nor the referrals. The central team also gets the " +
                "confirmed referrals (with their state) and the referrals the routing rules propose (computed, not stored). Every " +
                "successful call is written to the audit trail.")
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<Ok<ReportDetail>, NotFound>> GetAsync(
        string reference, HttpContext context, StaffMember member, OpenReport open, IEnumerable<IReportDetailPart> parts, CancellationToken cancellationToken)
    {
        var view = await open.ExecuteAsync(member, reference, "api", cancellationToken);
        if (view is null)
        {
            return TypedResults.NotFound();
        }

        // Decrypted content: no cache anywhere may keep it.
        NoStore.Apply(context.Response);
        var detail = ToDetail(view);
        foreach (var part in parts)
        {
            await part.AddAsync(view, detail.Parts, cancellationToken);
        }

        return TypedResults.Ok(detail);
    }

    private static ReportDetail ToDetail(ReportView view) => new(
        view.Reference,
        view.ReceivedAt,
        view.Channel,
        view.Role,
        view.Language,
        view.Country,
        view.Region,
        view.ImmediateDanger,
        view.MinorsInvolved,
        view.ContactRequested,
        view.UrgencyLevel,
        view.UrgencyReasons,
        view.Status,
        view.StatusChangedAt,
        view.AcknowledgedAt,
        view.Outcome,
        view.AssignedToEmail,
        view.CaseReference,
        view.Forms,
        view.Signs,
        view.Content,
        view.ContactWithheld,
        view.ReferralScope,
        view.Notes?.Select(n => new ReportDetailNote(n.CreatedAt, n.Author, n.Text)).ToList());


}
