using System.Text.RegularExpressions;

namespace Lantern.Web.Detection.Extraction;

/// <summary>E-mail addresses, also written <c>name @ domain.tld</c> or in capitals; canonical: lower-case, no spaces.</summary>
public static partial class EmailFinder
{
    public static IEnumerable<DetectedEntity> Find(ScanText text)
    {
        foreach (Match match in Email().Matches(text.ToString()))
        {
            text.Mask(match.Index, match.Length);
            yield return new DetectedEntity(EntityKinds.Email, Canonical(match.Value));
        }
    }

    public static string Canonical(string value) => new string([.. value.Where(c => !char.IsWhiteSpace(c))]).ToLowerInvariant();

    [GeneratedRegex(@"(?<![\w.+-])[\w.%+-]*\w[ ]?@[ ]?[\w-]+(?:\.[\w-]+)*\.\p{L}{2,24}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
