using System.Text.RegularExpressions;

namespace Lantern.Web.Detection.Extraction;

/// <summary>
/// Blanks what looks like a number but is not a phone: dates, times, amounts and file references. libphonenumber's
/// matcher already refuses most of them; this is for the rest (a dotted date can be a valid Belgian number).
/// </summary>
public static partial class NoiseMask
{
    public static void Apply(ScanText text)
    {
        foreach (var pattern in (Regex[])[Date(), Time(), Amount(), Reference()])
        {
            foreach (Match match in pattern.Matches(text.ToString()))
            {
                text.Mask(match.Index, match.Length);
            }
        }
    }

    [GeneratedRegex(@"(?<![\d./-])(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?:\d{4}|\d{2})(?![./-]?\d)|(?<!\d)(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"(?<![\d:.])(?:[01]?\d|2[0-3])\s?[:hH]\s?[0-5]\d(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Time();

    [GeneratedRegex(@"(?:€|EUR|\$|£|USD|RON|BGN|UAH)\s?\d{1,3}(?:[ .,']\d{3})*(?:[.,]\d{1,2})?(?!\d)|(?<!\d[ .,']?)\d{1,3}(?:[ .,']\d{3})*(?:[.,]\d{1,2})?\s?(?:€|EUR\b|euros?\b|eur\b|\$|£|lei\b|leva\b|лв\.?|лева|грн\.?|гривень|гривні|يورو|dollars?\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(?:PV|P\.V\.|dossier|ref(?:\.|erence|erentie)?|référence|Aktenzeichen|Az\.?|numéro de dossier|dossiernummer)\s*(?:n[°o]\.?|nr\.?|#|:)?\s*[A-Z0-9]*\d[A-Z0-9/._-]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Reference();
}
