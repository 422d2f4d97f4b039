using System.Net;
using Lantern.Web.Platform;
using Lantern.Web.Platform.Web.Layout;

namespace Lantern.Web.Content.Rendering;

/// <summary>
/// The numbers a text names by token (<c>{{emergency}}</c>, <c>{{police}}</c>, <c>{{helpline}}</c>), replaced in the
/// rendered HTML by this deployment's numbers: a page written once serves every country, and a changed helpline number
/// needs no edit. Each number is isolated left to right, so it reads right in an Arabic sentence.
/// </summary>
public static class SiteTokens
{
    public static string Expand(string html, SiteOptions site) => html
        .Replace("{{emergency}}", Number(site.EmergencyNumber), StringComparison.Ordinal)
        .Replace("{{police}}", Number(site.PoliceNumber), StringComparison.Ordinal)
        .Replace("{{helpline}}", Number(site.HelplineNumber), StringComparison.Ordinal);

    private static string Number(string number) => "<strong class=\"number\">" + WebUtility.HtmlEncode(PageLanguage.Isolated(number)) + "</strong>";
}
