using System.ComponentModel;
using System.Globalization;
using Lantern.Web.Platform.Validation;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Triage.Inbox;

/// <summary>The inbox's query string, as typed: the page's filter form and the API share it.</summary>
public sealed class InboxParameters
{
    [FromQuery(Name = "status")]
    [Description("`open` (default: every status but closed), `all`, or one status: `new`, `in-triage`, `in-progress`, `referred`, `closed`.")]
    public string? Status { get; set; }

    [FromQuery(Name = "form")]
    [Description("A form of exploitation the report names: `sexual`, `labour`, `begging`, `criminality`, `organs`, `smuggling`, `unknown`.")]
    public string? Form { get; set; }

    [FromQuery(Name = "region")]
    [Description("A region code derived from the postcode, e.g. `BE-BRU`, `BE-VLG`, `BE-WAL`.")]
    public string? Region { get; set; }

    [FromQuery(Name = "language")]
    [Description("The language the report was written in (an enabled language code, e.g. `fr`).")]
    public string? Language { get; set; }

    [FromQuery(Name = "channel")]
    [Description("How the report arrived: `web`, `api` or `phone`.")]
    public string? Channel { get; set; }

    [FromQuery(Name = "assigned")]
    [Description("`me`: reports assigned to the token's owner; `none`: unassigned reports. Absent: anyone's.")]
    public string? Assigned { get; set; }

    [FromQuery(Name = "unread")]
    [Description("`yes`: only reports where the reporter added something (a message, contact details) the team has not opened yet.")]
    public string? Unread { get; set; }

    [FromQuery(Name = "cursor")]
    [Description("The `next` value of the previous page. Absent: the first page.")]
    public string? Cursor { get; set; }

    [FromQuery(Name = "limit")]
    [Description("Reports per page, 1 to 200 (default 50).")]
    public string? Limit { get; set; }
}

/// <summary>A valid inbox request: what to show, from where, how many.</summary>
public sealed record InboxRequest(InboxFilter Filter, InboxCursor? After, int Limit)
{
    /// <summary>
    /// Checks every parameter against the values it may take. An unknown value is an error naming the parameter
    /// (never silently ignored: a filter that does not apply would show more than asked, or nothing, without saying why).
    /// A partner's inbox (<paramref name="partner"/>) offers no <c>assigned</c> nor <c>unread</c> filter: who works on a
    /// report and what the reporter wrote to the team are the central team's, and filtering on them would reveal both.
    /// </summary>
    public static (InboxRequest? Request, IReadOnlyList<FieldError> Errors) Parse(InboxParameters parameters, InboxChoiceLists choices, bool partner = false)
    {
        var errors = new List<FieldError>();
        string? Choice(string field, string? value, IReadOnlyList<string> allowed)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (!allowed.Contains(value, StringComparer.Ordinal))
            {
                errors.Add(new FieldError(field, "staff.inbox.error.choice"));
                return null;
            }

            return value;
        }

        var status = Choice("status", parameters.Status, choices.Statuses) ?? InboxStatuses.Open;
        var form = Choice("form", parameters.Form, choices.Forms);
        var region = Choice("region", parameters.Region, choices.Regions);
        var language = Choice("language", parameters.Language, choices.Languages);
        var channel = Choice("channel", parameters.Channel, choices.Channels);
        var assigned = Choice("assigned", parameters.Assigned, partner ? [] : [InboxAssignments.Me, InboxAssignments.Nobody]) switch
        {
            InboxAssignments.Me => InboxAssignment.Me,
            InboxAssignments.Nobody => InboxAssignment.Nobody,
            _ => InboxAssignment.Anyone,
        };

        var unread = Choice("unread", parameters.Unread, partner ? [] : ["yes"]) is not null;

        InboxCursor? after = null;
        if (!string.IsNullOrEmpty(parameters.Cursor))
        {
            if (InboxCursor.TryParse(parameters.Cursor, out var cursor))
            {
                after = cursor;
            }
            else
            {
                errors.Add(new FieldError("cursor", "staff.inbox.error.cursor"));
            }
        }

        var limit = InboxQuery.DefaultLimit;
        if (!string.IsNullOrEmpty(parameters.Limit)
            && (!int.TryParse(parameters.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > InboxQuery.MaxLimit))
        {
            errors.Add(new FieldError("limit", "staff.inbox.error.limit", InboxQuery.MaxLimit));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var filter = new InboxFilter { Status = status, Form = form, Region = region, Language = language, Channel = channel, Assigned = assigned, Unread = unread };
        return (new InboxRequest(filter, after, limit), errors);
    }

    /// <summary>The query string of <paramref name="filter"/> (only what differs from the defaults), with a cursor.</summary>
    public static Dictionary<string, string?> QueryOf(InboxFilter filter, string? cursor = null)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query[name] = value;
            }
        }

        Add("status", filter.Status == InboxStatuses.Open ? null : filter.Status);
        Add("form", filter.Form);
        Add("region", filter.Region);
        Add("language", filter.Language);
        Add("channel", filter.Channel);
        Add("assigned", InboxAssignments.ToQuery(filter.Assigned));
        Add("unread", filter.Unread ? "yes" : null);
        Add("cursor", cursor);
        return query;
    }
}
