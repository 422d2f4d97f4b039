using Lantern.Web.Platform.Validation;
using Lantern.Web.Triage.Inbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Lantern.Web.Triage.Staff;

/// <summary>
/// The inbox page: filters in a plain GET form (no JavaScript needed; the address can be bookmarked), the reports
/// most urgent first with why, how long each has waited and its acknowledgement deadline, and keyset paging.
/// </summary>
[Authorize(Policy = StaffPolicies.ReadAnyReports)]
public sealed class InboxModel(InboxQuery inbox, InboxChoices choices, LanguageSettings languages, TimeProvider clock, IStringLocalizer<TextCatalogue> t) : PageModel
{
    public const string Path = "/staff/inbox";

    /// <summary>The parameters the filter form has a field for (the cursor and the page size come from links).</summary>
    public static readonly string[] FilterFields = ["status", "form", "region", "language", "channel", "assigned", "unread"];

    public InboxParameters Query { get; private set; } = new();

    public InboxChoiceLists Choices { get; private set; } = new([], [], [], [], []);

    public IReadOnlyList<InboxRow> Rows { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? NextLink { get; private set; }

    /// <summary>The first page of the same filters, offered once the member has paged on.</summary>
    public string? FirstLink { get; private set; }

    public bool PartnerView { get; private set; }

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(InboxParameters query, CancellationToken cancellationToken)
    {
        Query = query;
        Now = clock.GetUtcNow().UtcDateTime;
        var member = StaffMember.Of(HttpContext);
        PartnerView = ReportScope.IsPartnerView(member);
        Choices = await choices.LoadAsync(cancellationToken);
        var (request, errors) = InboxRequest.Parse(query, Choices, PartnerView);
        if (request is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var page = await inbox.ExecuteAsync(member, request.Filter, request.After, request.Limit, cancellationToken);
        Rows = page.Rows;
        var limit = request.Limit == InboxQuery.DefaultLimit ? null : request.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        NextLink = page.Next is null ? null : Link(request.Filter, page.Next, limit);
        FirstLink = request.After is null ? null : Link(request.Filter, null, limit);
    }

    /// <summary>Whether the filter form has a field for <paramref name="parameter"/> (a partner's has no assignee nor reporter-activity filter).</summary>
    public bool HasField(string parameter) =>
        FilterFields.Contains(parameter) && !(PartnerView && parameter is "assigned" or "unread");

    /// <summary>The text of an error, in the page's language.</summary>
    public string ErrorText(FieldError error) => t[error.MessageKey, error.Arguments];

    /// <summary>How long ago, or how long until, in the largest whole unit: "45 min", "3 h", "2 d".</summary>
    public string Span(TimeSpan span)
    {
        var duration = span.Duration();
        return duration.TotalHours < 1 ? t["staff.inbox.age.minutes", (int)duration.TotalMinutes]
            : duration.TotalDays < 2 ? t["staff.inbox.age.hours", (int)duration.TotalHours]
            : t["staff.inbox.age.days", (int)duration.TotalDays];
    }

    /// <summary>A catalogue text for a code, or the code itself when the catalogue has none (regions are data).</summary>
    public string Label(string prefix, string? code) =>
        code is null ? t["staff.inbox.none"] : t[prefix + code].Value is { Length: > 0 } text ? text : code;

    public string LanguageName(string code) => languages.NativeNames.TryGetValue(code, out var name) ? name : code;

    private static string Link(InboxFilter filter, string? cursor, string? limit)
    {
        var query = InboxRequest.QueryOf(filter, cursor);
        if (limit is not null)
        {
            query["limit"] = limit;
        }

        return QueryHelpers.AddQueryString(Path, query);
    }
}
