using System.Numerics;
using System.Text.RegularExpressions;

namespace Lantern.Web.Detection.Extraction;

/// <summary>
/// Bank accounts (IBAN): grouped by four or not, in any case; canonical upper-case without spaces, and only when the
/// mod-97 check holds (a mistyped account links nothing).
/// </summary>
public static partial class IbanFinder
{
    /// <summary>The lengths of the countries a Belgian contact point sees most; others are checked on mod-97 alone.</summary>
    private static readonly Dictionary<string, int> _lengths = new(StringComparer.Ordinal)
    {
        ["BE"] = 16,
        ["NL"] = 18,
        ["LU"] = 20,
        ["DE"] = 22,
        ["FR"] = 27,
        ["RO"] = 24,
        ["BG"] = 22,
        ["UA"] = 29,
        ["PL"] = 28,
        ["ES"] = 24,
        ["IT"] = 27,
        ["PT"] = 25,
        ["GB"] = 22,
        ["AL"] = 28,
        ["HU"] = 28,
        ["LT"] = 20,
    };

    public static IEnumerable<DetectedEntity> Find(ScanText text)
    {
        var value = text.ToString();
        var match = Candidate().Match(value);
        while (match.Success)
        {
            // A candidate runs on over the words after the account; only its valid beginning is taken, and the search
            // goes on right after it (a second account may follow in the same sentence).
            var next = match.Index + 1;
            if (Longest(Compact(match.Value)) is { } iban)
            {
                var length = LengthOf(match.Value, iban.Length);
                text.Mask(match.Index, length);
                next = match.Index + length;
                yield return new DetectedEntity(EntityKinds.Iban, iban);
            }

            match = Candidate().Match(value, next);
        }
    }

    /// <summary>The canonical form when <paramref name="value"/> is a valid IBAN, otherwise null.</summary>
    public static string? Canonical(string value)
    {
        var compact = Compact(value);
        return IsValid(compact) ? compact : null;
    }

    public static bool IsValid(string iban)
    {
        if (iban.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]) || !iban.All(char.IsAsciiLetterOrDigit)
            || (_lengths.TryGetValue(iban[..2], out var length) && length != iban.Length))
        {
            return false;
        }

        var rearranged = iban[4..] + iban[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        return BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97 == 1;
    }

    private static string? Longest(string compact)
    {
        if (_lengths.TryGetValue(compact[..2], out var known))
        {
            return compact.Length >= known && IsValid(compact[..known]) ? compact[..known] : null;
        }

        for (var length = Math.Min(compact.Length, 34); length >= 15; length--)
        {
            if (IsValid(compact[..length]))
            {
                return compact[..length];
            }
        }

        return null;
    }

    private static string Compact(string value) => new string([.. value.Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant();

    /// <summary>How many characters of the raw match hold the first <paramref name="count"/> letters and digits.</summary>
    private static int LengthOf(string raw, int count)
    {
        var seen = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (char.IsAsciiLetterOrDigit(raw[i]) && ++seen == count)
            {
                return i + 1;
            }
        }

        return raw.Length;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
