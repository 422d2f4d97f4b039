using Lantern.Web.Platform.Validation;

namespace Lantern.Web.Triage.Inbox;

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
