using System.Text.RegularExpressions;

namespace Lantern.Web.Content.Articles;

/// <summary>A page's name in its address: <c>what-is-trafficking</c>. Plain ASCII so the address reads the same in every script.</summary>
public static partial class ArticleSlugs
{
    public const int MaxLength = 64;

    /// <summary>The slug in lower case, or <c>null</c> when it is not one (empty, too long, other characters).</summary>
    public static string? Normalise(string? slug)
    {
        var trimmed = slug?.Trim().ToLowerInvariant();
        return trimmed is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(trimmed) ? trimmed : null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
