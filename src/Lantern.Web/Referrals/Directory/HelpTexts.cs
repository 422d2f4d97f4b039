using Lantern.Web.Core.Organisations;

namespace Lantern.Web.Referrals.Directory;

/// <summary>How the directory words an organisation's kind, area and people; codes without a text show as the code.</summary>
public static class HelpTexts
{
    public static string Region(IStringLocalizer<TextCatalogue> t, string region) => Or(t["help.region." + region], region);

    public static string Kind(IStringLocalizer<TextCatalogue> t, string kind) => Or(t["help.kind." + kind], kind);

    public static string Area(IStringLocalizer<TextCatalogue> t, Organisation organisation)
    {
        var regions = OrganisationKinds.Split(organisation.Regions);
        if (regions.Contains(OrganisationKinds.National))
        {
            return t["help.area.national"];
        }

        var names = regions.Select(r => Region(t, r)).ToList();
        if (!string.IsNullOrEmpty(organisation.Postcodes))
        {
            names.Add(t["help.area.postcodes", organisation.Postcodes.Replace(",", ", ", StringComparison.Ordinal)]);
        }

        return string.Join(", ", names);
    }

    public static string People(IStringLocalizer<TextCatalogue> t, Organisation organisation) =>
        (organisation.TakesAdults, organisation.TakesMinors) switch
        {
            (true, true) => t["help.people.both"],
            (false, true) => t["help.people.minors"],
            _ => t["help.people.adults"],
        };

    /// <summary>A language's own name (e.g. "Nederlands"), for the people who speak it.</summary>
    public static string LanguageName(string code)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            return culture.NativeName.Length == 0 ? code : char.ToUpper(culture.NativeName[0], culture) + culture.NativeName[1..];
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    /// <summary>The number for a <c>tel:</c> link: digits and a leading +, the first of several ("112 / 101").</summary>
    public static string Dial(string phone)
    {
        var first = phone.Split('/')[0];
        return new string(first.Where((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == 0)).ToArray());
    }

    private static string Or(LocalizedString text, string fallback) => string.IsNullOrEmpty(text.Value) ? fallback : text.Value;
}
