using System.Globalization;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Localisation;
using Microsoft.Extensions.Options;

namespace Lantern.Tests.Reporting.Intake;

public sealed class CallerLanguagesTests
{
    private static CallerLanguages For(params string[] enabled) =>
        new(new LanguageSettings(Options.Create(new LanguageOptions { Enabled = [.. enabled], Default = enabled[0] }), new TextCatalogue()));

    [Fact]
    public void TheList_HoldsTheEnabledLanguages_TheDefaultSet_AndOtherLast()
    {
        // "ja" has no catalogue, so the site does not offer it; a caller may still speak any of the default set.
        var languages = For("en", "ja");

        Assert.Equal(CallerLanguages.Other, languages.Codes[^1]);
        Assert.DoesNotContain("ja", languages.Codes);
        Assert.Equal(new HashSet<string>(CallerLanguages.DefaultSet), new HashSet<string>(languages.Codes.SkipLast(1)));
        Assert.Equal(languages.Codes.Count, languages.Codes.Distinct().Count());
        Assert.Equal(25, languages.Codes.Count);
    }

    [Fact]
    public void NamesAreInTheOperatorsLanguage_WithTheLanguagesOwnNameBeside()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            var arabic = Assert.Single(For("fr").SortedForCurrentLanguage(), l => l.Code == "ar");

            Assert.StartsWith("arabe", arabic.Name, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("العربية", arabic.Name, StringComparison.Ordinal);
            Assert.DoesNotContain(For("fr").SortedForCurrentLanguage(), l => l.Code == CallerLanguages.Other);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
