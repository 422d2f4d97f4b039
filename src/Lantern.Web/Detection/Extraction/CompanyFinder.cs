using System.Text.RegularExpressions;

namespace Lantern.Web.Detection.Extraction;

/// <summary>
/// Belgian enterprise numbers (<c>BE 0123.456.749</c>, <c>BE0123456749</c>, <c>0123.456.749</c>); canonical: the ten
/// digits, and only when the check digits hold (97 minus the first eight digits modulo 97). Ten bare digits are also a
/// Belgian mobile number, so in free text a number needs the <c>BE</c> prefix, the dotted grouping or a word that
/// names it; in the report's company field any form counts.
/// </summary>
public static partial class CompanyFinder
{
    public static IEnumerable<DetectedEntity> Find(ScanText text, bool companyField)
    {
        var value = text.ToString();
        foreach (Match match in Candidate().Matches(value))
        {
            var digits = match.Groups["n"].Value.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
            var marked = match.Groups["be"].Success || match.Groups["n"].Value.Count(c => c == '.') == 2 || companyField
                || Context().IsMatch(value[Math.Max(0, match.Index - 40)..match.Index]);
            if (marked && Canonical(digits) is { } number)
            {
                text.Mask(match.Index, match.Length);
                yield return new DetectedEntity(EntityKinds.Company, number);
            }
        }
    }

    /// <summary>The ten digits when they form a valid enterprise number (a nine-digit old form gains its leading 0).</summary>
    public static string? Canonical(string digits)
    {
        if (digits.Length == 9)
        {
            digits = "0" + digits;
        }

        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit) || digits[0] is not ('0' or '1'))
        {
            return null;
        }

        var body = long.Parse(digits[..8], CultureInfo.InvariantCulture);
        var check = int.Parse(digits[8..], CultureInfo.InvariantCulture);
        return 97 - (body % 97) == check ? digits : null;
    }

    [GeneratedRegex(@"(?<![\w.])(?<be>BE[ .]?)?(?<n>[01]\d{3}[. ]?\d{3}[. ]?\d{3})(?![\w]|\.\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"(?:KBO|BCE|BTW|TVA|VAT|USt|ondernemingsn|entreprise|enterprise|company n|Unternehmensn|firma|numărul firmei|фирма|компанія|شركة)[^\n]{0,30}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Context();
}
