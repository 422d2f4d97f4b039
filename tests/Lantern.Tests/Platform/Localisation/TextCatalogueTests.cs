using System.Text.RegularExpressions;
using Lantern.Web.Core.Catalogue;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Localisation;
using Lantern.Web.Reporting.Questionnaire;

namespace Lantern.Tests.Platform.Localisation;

public partial class TextCatalogueTests
{
    private static readonly TextCatalogue _catalogue = new();

    [Fact]
    public void Get_FallsBackToEnglish_ForAMissingTranslation()
    {
        Assert.Equal(_catalogue.Get("en", "error.required"), _catalogue.Get("xx", "error.required"));
        Assert.NotEmpty(_catalogue.Get("en", "error.required"));
    }

    [Fact]
    public void Get_NeverShowsAKey()
    {
        Assert.Equal(string.Empty, _catalogue.Get("en", "no.such.key"));
    }

    [Fact]
    public void Get_FillsPlaceholders()
    {
        Assert.Contains("64", _catalogue.Get("en", "api.too_large", 64), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryKeyUsedInTheCode_ExistsInEnglish()
    {
        var used = SourceFiles()
            .SelectMany(file => UsedKey().Matches(File.ReadAllText(file)).Select(m => m.Groups["key"].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var english = _catalogue.Entries("en");

        var missing = used.Where(key => !english.ContainsKey(key)).ToList();

        Assert.NotEmpty(used);
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryKeyTheSiteComposes_ExistsInEveryLanguage()
    {
        var missing = LanguageSettings.DefaultEnabled
            .SelectMany(language => ComposedKeys()
                .Where(alternatives => LanguageSettings.Complete.Contains(language) || alternatives.Any(TextCatalogue.IsPublic))
                .Where(alternatives => !alternatives.Any(key => _catalogue.TryGet(language, key, out _)))
                .Select(alternatives => language + ": " + string.Join(" or ", alternatives)))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void EveryTranslation_HasTheEnglishKeysAndPlaceholders()
    {
        var english = _catalogue.Entries("en");
        foreach (var language in _catalogue.Languages.Where(l => l != "en"))
        {
            var entries = _catalogue.Entries(language);
            var required = LanguageSettings.Complete.Contains(language) ? english.Keys : _catalogue.PublicKeys;
            Assert.Empty(required.Except(entries.Keys).Select(key => language + ": missing " + key));
            Assert.Empty(entries.Keys.Except(english.Keys).Select(key => language + ": unknown " + key));
            Assert.Empty(english
                .Where(e => entries.TryGetValue(e.Key, out var text) && Placeholders(text) != Placeholders(e.Value))
                .Select(e => language + ": placeholders differ in " + e.Key));
            Assert.Empty(entries.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => language + ": empty " + e.Key));
            Assert.Empty(_catalogue.Unreviewed(language).Where(key => !entries.ContainsKey(key)).Select(key => language + ": marked unreviewed but absent " + key));
        }
    }

    /// <summary>A missing public text in any of the 24 languages fails the build (the site would not offer the language).</summary>
    [Fact]
    public void EveryDefaultLanguage_HasEveryPublicText()
    {
        var incomplete = LanguageSettings.DefaultEnabled
            .Where(language => !_catalogue.IsComplete(language))
            .Select(language => language + ": " + _catalogue.MissingPublicKeys(language).Count() + " missing, e.g. " + _catalogue.MissingPublicKeys(language).First())
            .ToList();

        Assert.Empty(incomplete);
    }

    [Fact]
    public void TheCompleteLanguages_HaveTheBackOfficeToo()
    {
        foreach (var language in LanguageSettings.Complete)
        {
            Assert.True(_catalogue.HasEveryKey(language), language);
        }
    }

    [Fact]
    public void ArabicPersianAndUrdu_AreTheRightToLeftLanguages()
    {
        var rightToLeft = LanguageSettings.DefaultEnabled.Where(LanguageSettings.IsRightToLeft).Order(StringComparer.Ordinal);

        Assert.Equal(["ar", "fa", "ur"], rightToLeft);
    }

    /// <summary>Keys the pages build from codes (<c>"form." + code</c>...): each entry lists the keys of which one must exist.</summary>
    private static IEnumerable<string[]> ComposedKeys()
    {
        foreach (var role in ReportCodes.Roles)
        {
            yield return ["path." + role + ".title"];
            yield return ["path." + role + ".intro"];
            yield return ["path." + role + ".lead"];
            yield return ["review.who.text." + role];
            yield return ["staff.intake.role." + role];
            foreach (var step in QuestionnaireFlow.StepsFor(new ReportContent { MinorsInvolved = true }))
            {
                yield return ["step." + step + ".title." + role, "step." + step + ".title"];
                yield return ["step." + step + ".short"];
            }
        }

        foreach (var form in CatalogueSeeder.Forms)
        {
            yield return ["form." + form];
            yield return ["form." + form + ".hint"];
        }

        foreach (var sign in CatalogueSeeder.Signs)
        {
            yield return ["sign." + sign];
        }

        foreach (var answer in new[] { "yes", "no", "unknown" })
        {
            yield return ["answer." + answer];
        }

        foreach (var place in ReportCodes.PlaceTypes)
        {
            yield return ["place." + place];
        }

        foreach (var timing in ReportCodes.Timings)
        {
            yield return ["when." + timing];
        }

        foreach (var channel in ReportCodes.ContactChannels)
        {
            yield return ["contact." + channel];
        }

        foreach (var status in new[] { ReportStatus.New, ReportStatus.InTriage, ReportStatus.InProgress, ReportStatus.Referred, ReportStatus.Closed })
        {
            yield return ["staff.intake.status." + status];
        }

        foreach (var code in new[] { "400", "404", "413", "429", "500" })
        {
            yield return ["error." + code + ".title"];
            yield return ["error." + code + ".text"];
        }
    }

    private static string Placeholders(string text) =>
        string.Join(',', PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static IEnumerable<string> SourceFiles()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lantern.slnx")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var source = Path.Combine(directory.FullName, "src");
        return Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(source, "*.cshtml", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    // Literal keys: texts.Get(language, "error.required") in code, T["home.title"] in views.
    [GeneratedRegex("(?:\"(?<key>(?:error|api)\\.[a-z_]+)\"|\\bT\\[\"(?<key>[A-Za-z0-9_.]+)\"[\\],])")]
    private static partial Regex UsedKey();

    [GeneratedRegex("\\{[0-9]+[^}]*\\}")]
    private static partial Regex PlaceholderPattern();
}
