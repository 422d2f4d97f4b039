using System.Text.RegularExpressions;

namespace Lantern.Web.Detection.Extraction;

/// <summary>
/// Any other web address, canonical host and path in lower case without <c>www.</c>, query or fragment. Without a
/// scheme or <c>www.</c> a name counts only under a common top-level domain, so "end.Next" in a sentence is no site.
/// </summary>
public static partial class UrlFinder
{
    private static readonly HashSet<string> _domains = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "net", "org", "be", "nl", "fr", "de", "eu", "lu", "uk", "ro", "bg", "ua", "ru", "pl", "io", "me", "info", "biz", "co",
        "app", "site", "online", "xyz", "top", "shop", "link", "ly", "es", "it", "pt", "al", "tr", "work", "jobs",
    };

    public static IEnumerable<DetectedEntity> Find(ScanText text)
    {
        foreach (Match match in Address().Matches(text.ToString()))
        {
            var raw = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '»', '"', '\'');
            var explicitWeb = match.Groups["scheme"].Success || match.Groups["www"].Success;
            if ((explicitWeb || _domains.Contains(match.Groups["tld"].Value)) && Canonical(raw) is { } url)
            {
                text.Mask(match.Index, match.Length);
                yield return new DetectedEntity(EntityKinds.Url, url);
            }
        }
    }

    public static string? Canonical(string value)
    {
        var text = value.Trim();
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !uri.Host.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        return (host + uri.AbsolutePath.TrimEnd('/')).ToLowerInvariant();
    }

    [GeneratedRegex(@"(?<![\w@.-])(?<scheme>https?://)?(?<www>www\.)?(?:[\p{L}\d](?:[\p{L}\d-]*[\p{L}\d])?\.)+(?<tld>\p{L}{2,24})(?![\w-])(?::\d{2,5})?(?:/[^\s<>""]*)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Address();
}
