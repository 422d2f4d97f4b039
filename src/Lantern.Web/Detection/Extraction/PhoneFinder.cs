using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Lantern.Web.Detection.Extraction;

/// <summary>
/// Phone numbers through libphonenumber's matcher (valid numbers only, the report's country as the default region),
/// canonical E.164. Service and emergency numbers never count: short codes (112, 101, 116 000) are not valid
/// subscriber numbers, and the contact point's own line and the directory's organisations come in
/// <see cref="ServiceNumbers"/>.
/// </summary>
public static partial class PhoneFinder
{
    private static readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();

    public static IEnumerable<DetectedEntity> Find(ScanText text, string region, ServiceNumbers services, bool phoneField)
    {
        // "+32 (0)470 ..." carries the trunk prefix in brackets; the matcher reads it as part of the number.
        foreach (Match match in TrunkInBrackets().Matches(text.ToString()))
        {
            text.Mask(match.Index, match.Length);
        }

        var found = false;
        var value = text.ToString();
        foreach (var match in _phones.FindNumbers(value, region, PhoneNumberUtil.Leniency.VALID, long.MaxValue))
        {
            var e164 = _phones.Format(match.Number, PhoneNumberFormat.E164);
            text.Mask(match.Start, match.Length);
            found = true;
            if (!services.Contains(e164))
            {
                yield return new DetectedEntity(EntityKinds.Phone, e164);
            }
        }

        // The phone field says it is a phone: a possible number the matcher found no valid form of still counts.
        if (phoneField && !found && Canonical(value, region) is { } possible && !services.Contains(possible))
        {
            yield return new DetectedEntity(EntityKinds.Phone, possible);
        }
    }

    /// <summary>E.164 of a possible number, or null.</summary>
    public static string? Canonical(string value, string region)
    {
        try
        {
            var number = _phones.Parse(value, region);
            return _phones.IsPossibleNumber(number) && number.NationalNumber >= 1_000_000
                ? _phones.Format(number, PhoneNumberFormat.E164)
                : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"(?<=\+\d{1,3}\s?)\(0\)", RegexOptions.CultureInvariant)]
    private static partial Regex TrunkInBrackets();
}
