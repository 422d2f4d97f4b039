using Lantern.Web.Platform.Localisation;
using Microsoft.Extensions.Options;

namespace Lantern.Tests.Platform.Localisation;

public class LanguageSettingsTests
{
    private static LanguageSettings Settings(string defaultLanguage = "en", params string[] enabled) =>
        new(Options.Create(new LanguageOptions { Enabled = enabled.Length > 0 ? [.. enabled] : ["fr", "nl", "de", "en"], Default = defaultLanguage }));

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
}
