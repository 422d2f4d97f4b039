using Lantern.Web.Platform.Localisation;
using Microsoft.Extensions.Options;

namespace Lantern.Tests.Platform.Localisation;

public class LanguageSettingsTests
{
    private static readonly TextCatalogue _catalogue = new();

    private static LanguageSettings Settings(string defaultLanguage = "en", params string[] enabled) =>
        new(Options.Create(new LanguageOptions { Enabled = enabled.Length > 0 ? [.. enabled] : ["fr", "nl", "de", "en"], Default = defaultLanguage }), _catalogue);

    [Theory]
    [InlineData("fr-BE,fr;q=0.9,en;q=0.8", "fr")]
    [InlineData("nl-BE", "nl")]
    [InlineData("de-DE,de;q=0.9", "de")]
    [InlineData("en-GB", "en")]
    [InlineData("EN-gb", "en")]
    [InlineData("ja,de;q=0.5", "de")]
    [InlineData("en;q=0.1, fr;q=0.9", "fr")]
    [InlineData("ja, nl;q=0.2, fr;q=0.3", "fr")]
    [InlineData("fr;q=0, nl;q=0.1", "nl")]
    public void Choose_TakesTheBestEnabledLanguage(string acceptLanguage, string expected)
    {
        Assert.Equal(expected, Settings().Choose(acceptLanguage));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ja")]
    [InlineData("ja-JP, zh;q=0.8")]
    [InlineData("*")]
    [InlineData("fr;q=0")]
    [InlineData(";;;==,,")]
    public void Choose_FallsBackToTheDefault(string? acceptLanguage)
    {
        Assert.Equal("en", Settings().Choose(acceptLanguage));
    }

    [Fact]
    public void Choose_FallsBackToAConfiguredDefault()
    {
        Assert.Equal("nl", Settings("nl").Choose("ja"));
    }

    [Fact]
    public void Choose_IgnoresLanguagesNotEnabled()
    {
        Assert.Equal("en", Settings("nl", "nl", "en").Choose("fr-BE, en;q=0.5"));
        Assert.Equal("nl", Settings("nl", "nl", "de").Choose("fr-BE, en;q=0.5"));
    }

    [Fact]
    public void DefaultNotEnabled_IsRefusedAtStart()
    {
        Assert.Throws<OptionsValidationException>(() => Settings("es", "fr", "en"));
    }

    [Fact]
    public void IsEnabled_KnowsTheEnabledLanguagesOnly()
    {
        var settings = Settings();

        Assert.True(settings.IsEnabled("fr"));
        Assert.False(settings.IsEnabled("es"));
        Assert.False(settings.IsEnabled(null));
        Assert.Equal(["fr", "nl", "de", "en"], settings.Enabled);
    }

    [Fact]
    public void ALanguageWithoutItsTexts_IsNotOffered_AndCannotBeTheDefault()
    {
        // "ja" has no catalogue: its pages would read English under lang="ja".
        var settings = Settings("en", "fr", "ja", "en");

        Assert.Equal(["fr", "en"], settings.Enabled);
        Assert.False(settings.IsEnabled("ja"));
        Assert.Equal("en", settings.Choose("ja"));
        Assert.Throws<OptionsValidationException>(() => Settings("ja", "ja", "en"));
    }

    [Fact]
    public void TheTwentyFour_AreOfferedByDefault_AndChosenByAcceptLanguage()
    {
        var settings = new LanguageSettings(Options.Create(new LanguageOptions()), _catalogue);

        Assert.Equal(LanguageSettings.DefaultEnabled, settings.Enabled);
        Assert.Equal("uk", settings.Choose("uk-UA,uk;q=0.9,ru;q=0.8"));
        Assert.Equal("tl", settings.Choose("fil-PH"));
        Assert.Equal("zh", settings.Choose("zh-Hans-CN"));
        Assert.Equal("ti", settings.Choose("ti-ER"));
    }

    [Fact]
    public void TheBackOffice_SpeaksOnlyTheLanguagesWrittenInFull()
    {
        var settings = new LanguageSettings(Options.Create(new LanguageOptions()), _catalogue);

        Assert.Equal(["fr", "nl", "de", "en"], settings.BackOffice);
        Assert.Equal("de", settings.ChooseBackOffice("ar, de;q=0.5"));
        Assert.Equal("en", settings.ChooseBackOffice("ar"));
    }
}
