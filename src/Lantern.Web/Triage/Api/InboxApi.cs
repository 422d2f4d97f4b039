using Lantern.Web.Triage.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Web.Triage.Api;

/// <summary><c>GET /api/v1/reports</c>: the inbox for partner systems and scripts, with the page's filters and paging.</summary>
public static class InboxApi
{
    /// <summary>Maps into the triage group (<c>/api/v1</c>, staff token).</summary>
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports", ListAsync)
            .WithName("ListReports")
            .WithTags("Staff")
            .WithSummary("The inbox: reports by urgency, then age")
            .WithDescription(
                "Reports the token's owner may see (a partner caseworker: only those referred to their organisation, without `assignedTo` and "
                + "without the `assigned` and `unread` filters, which answer 400), most urgent first "
                + "(`urgencyLevel` 5 immediate danger, 4 a minor, 3 violence or threats, 2 a victim asking to be contacted, 1 several signs, 0 otherwise; "
                + "`urgencyReasons` lists the answers that raised it: `immediate-danger`, `minor`, `violence`, `threats`, `victim-asks-contact`, `several-signs`), "
                + "then oldest first. Only coded fields: nothing the reporter wrote. `acknowledgeBy` is the acknowledgement deadline; `overdue` is true when it "
                + "has passed without acknowledgement. Page with `next`: pass it as `cursor` with the same filters; it is null on the last page. "
                + "Needs a personal access token (`Authorization: Bearer lnt_...`).")
            .Produces<InboxResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return endpoints;
    }

    private static async Task<Results<Ok<InboxResponse>, ValidationProblem>> ListAsync(
        [AsParameters] InboxParameters parameters,
        StaffMember member,
        InboxChoices choices,
        InboxQuery inbox,
        TextCatalogue texts,
        RequestLanguage language,
        CancellationToken cancellationToken)
    {
        var (request, errors) = InboxRequest.Parse(parameters, await choices.LoadAsync(cancellationToken), ReportScope.IsPartnerView(member));
        if (request is null)
        {
            return TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Field, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(e => texts.Get(language.Code, e.MessageKey, e.Arguments)).ToArray(), StringComparer.Ordinal),
                title: texts.Get(language.Code, "staff.inbox.error.title"));
        }

        var page = await inbox.ExecuteAsync(member, request.Filter, request.After, request.Limit, cancellationToken);
        return TypedResults.Ok(new InboxResponse(page.Rows, page.Next));
    }
}
