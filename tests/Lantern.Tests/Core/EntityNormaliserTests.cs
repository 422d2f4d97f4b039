using Lantern.Web.Core.Reports;

namespace Lantern.Tests.Core;

public class EntityNormaliserTests
{
    private readonly EntityNormaliser _normaliser = new();

    [Theory]
    [InlineData("0470 12 34 56", "BE")]
    [InlineData("0470123456", "BE")]
    [InlineData("+32 470 12 34 56", "BE")]
    [InlineData("+32 (0)470 12.34.56", "BE")]
    [InlineData("0032 470 12 34 56", "BE")]
    [InlineData("+32470123456", "NL")]
    public void Phone_WrittenAnyWay_BecomesE164(string written, string country)
    {
        Assert.Equal("+32470123456", _normaliser.NormalisePhone(written, country));
    }

    [Fact]
    public void Phone_WithoutCountryCode_TakesTheReportCountry()
    {
        Assert.Equal("+31612345678", _normaliser.NormalisePhone("06 12345678", "NL"));
    }

    [Theory]
    [InlineData("not a number")]
    [InlineData("12")]
    [InlineData("")]
    public void NotAPhoneNumber_GivesNull(string written)
    {
        Assert.Null(_normaliser.NormalisePhone(written, "BE"));
    }

    [Theory]
    [InlineData("https://www.Example.com/Jobs/?ref=1", "example.com/jobs")]
    [InlineData("http://example.com/jobs/", "example.com/jobs")]
    [InlineData("example.com/jobs", "example.com/jobs")]
    [InlineData("WWW.EXAMPLE.COM", "example.com")]
    [InlineData("https://example.com/jobs#apply", "example.com/jobs")]
    [InlineData("münchen.example", "xn--mnchen-3ya.example")]
    public void WebAddress_LosesSchemeWwwQueryAndCase(string written, string expected)
    {
        Assert.Equal(expected, _normaliser.NormaliseUrl(written));
    }

    [Theory]
    [InlineData("@Recruiter_BE", "@recruiter_be")]
    [InlineData(" @jobs.in.belgium ", "@jobs.in.belgium")]
    public void Handle_IsLowerCased(string written, string expected)
    {
        Assert.Equal(expected, _normaliser.NormaliseUrl(written));
    }

    [Theory]
    [InlineData("ftp://example.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("localhost")]
    [InlineData("@")]
    [InlineData("@two words")]
    [InlineData("just words")]
    public void NeitherAddressNorHandle_GivesNull(string written)
    {
        Assert.Null(_normaliser.NormaliseUrl(written));
    }

    [Theory]
    [InlineData("1-ABC-123")]
    [InlineData("1abc123")]
    [InlineData(" 1 ABC 123 ")]
    [InlineData("1.abc.123")]
    public void Plate_KeepsLettersAndDigitsUpperCased(string written)
    {
        Assert.Equal("1ABC123", _normaliser.NormalisePlate(written));
    }

    [Theory]
    [InlineData("-")]
    [InlineData("A")]
    [InlineData("ABCDEFGHIJKLM")]
    public void Plate_TooShortOrTooLong_GivesNull(string written)
    {
        Assert.Null(_normaliser.NormalisePlate(written));
    }

    [Fact]
    public void Company_WrittenDifferently_IsTheSame()
    {
        Assert.Equal(EntityNormaliser.NormaliseCompany("Clean-Star BV"), EntityNormaliser.NormaliseCompany("CLEANSTAR bv"));
        Assert.Equal("societegenerale", EntityNormaliser.NormaliseCompany("Société Générale"));
    }

    [Fact]
    public void Email_IsTrimmedAndLowerCased()
    {
        Assert.Equal("boss@example.com", EntityNormaliser.NormaliseEmail(" Boss@Example.COM "));
    }
}
