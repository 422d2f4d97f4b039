using System.ComponentModel;
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
