using System.Text.RegularExpressions;

namespace Lantern.Web.Detection.Extraction;

/// <summary>
/// Number plates, Belgian formats first: <c>1-ABC-123</c> (since 2010) and <c>ABC-123</c> / <c>123-ABC</c> (before).
/// Canonical: upper-case letters and digits. Three letters and three digits also occur in ordinary sentences
/// ("1 van 200"), so in free text a plate needs the dash or capitals, or a word that names it; in the report's plate
/// field any form of two to twelve letters and digits counts (a foreign plate too).
/// </summary>
public static partial class PlateFinder
{
    public static IEnumerable<DetectedEntity> Find(ScanText text, bool plateField)
    {
        var value = text.ToString();
        foreach (Match match in Belgian().Matches(value))
        {
            var raw = match.Value;
            var letters = raw.Where(char.IsLetter).ToArray();
            var dashed = raw.Contains('-', StringComparison.Ordinal);
            var capitals = letters.All(char.IsUpper);
            var named = Context().IsMatch(value[Math.Max(0, match.Index - 40)..match.Index]);
            var current = match.Groups["current"].Success;
            var accepted = plateField || named || (current ? dashed || capitals : dashed && capitals);
            if (accepted)
            {
                text.Mask(match.Index, match.Length);
                yield return new DetectedEntity(EntityKinds.Plate, Canonical(raw)!);
            }
        }

        if (plateField && Canonical(text.ToString()) is { } other)
        {
            yield return new DetectedEntity(EntityKinds.Plate, other);
        }
    }

    /// <summary>Letters and digits only, upper-cased; null unless two to twelve of them with at least one digit.</summary>
    public static string? Canonical(string value)
    {
        var plate = new string([.. value.Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant();
        return plate.Length is >= 2 and <= 12 && plate.Any(char.IsAsciiDigit) ? plate : null;
    }

    [GeneratedRegex(@"(?<![\w-])(?:(?<current>[1-9][- ]?[A-Za-z]{3}[- ]?\d{3})|[A-Za-z]{3}[- ]?\d{3}|\d{3}[- ]?[A-Za-z]{3})(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Belgian();

    [GeneratedRegex(@"(?:plaque|immatricul|nummerplaat|kenteken|nummerplaat|Kennzeichen|Nummernschild|plate|registration|înmatriculare|numărul|номер|номерний|لوحة)[^\n]{0,30}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Context();
}
