using System.Globalization;
using Lantern.Web.Core.Regions;

namespace Lantern.Tests.Reporting.Intake;

public sealed class CountriesTests
{
    [Theory]
    [InlineData("en", "BE", "Belgium")]
    [InlineData("fr", "BE", "Belgique")]
    [InlineData("nl", "BE", "België")]
    [InlineData("de", "BE", "Belgien")]
    [InlineData("fr", "NL", "Pays-Bas")]
    [InlineData("en", "RO", "Romania")]
    public void DisplayName_IsInThePagesLanguage(string language, string code, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);

            Assert.Equal(expected, Countries.DisplayName(code));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void DisplayName_OfAnUnknownCode_IsTheCode()
    {
        Assert.Equal("QQ", Countries.DisplayName("QQ"));
    }
}
