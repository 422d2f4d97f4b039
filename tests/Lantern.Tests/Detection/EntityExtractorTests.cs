using Lantern.Web.Core.Reports;
using Lantern.Web.Detection.Extraction;

namespace Lantern.Tests.Detection;

/// <summary>The fields of the "details" step, the report's country and the reporter's own contact details.</summary>
public sealed class EntityExtractorTests
{
    private static IReadOnlyList<string> Extract(ReportContent content, string country = "BE") =>
        [.. EntityExtractor.Extract(content, country, ServiceNumbers.None).Select(e => e.Kind + ":" + e.Value)];

    [Fact]
    public void TheDetailFields_TakeLooserFormsOfTheirOwnKind()
    {
        var content = new ReportContent
        {
            Entities = new ReportEntities
            {
                Phones = ["0470 12 34 56 (WhatsApp)"],
                Emails = ["Boss @ Example.COM"],
                Urls = ["@Ana_New25", "https://www.Example.com/Jobs/?utm=1"],
                Plates = ["B-AB 1234"],
                Companies = ["0123456749", "Clean-Star BV"],
            },
        };

        Assert.Equal(
            ["phone:+32470123456", "email:boss@example.com", "handle:unknown:ana_new25", "url:example.com/jobs", "plate:BAB1234", "company:0123456749"],
            Extract(content));
    }

    [Fact]
    public void TheReportsCountry_IsTheDefaultRegionOfNationalNumbers()
    {
        var content = new ReportContent { Description = "Bel 06 12345678 voor werk." };

        Assert.Equal(["phone:+31612345678"], Extract(content, "NL"));
        Assert.Empty(Extract(content, "BE"));
    }

    [Fact]
    public void TheLocationsCountry_GoesBeforeTheReportsCountry()
    {
        var content = new ReportContent { Description = "Ruf 0170 1234567 an.", Location = new ReportLocation { Country = "DE" } };

        Assert.Equal(["phone:+491701234567"], Extract(content));
    }

    [Fact]
    public void TheReportersOwnContactDetails_AreNotEntities()
    {
        var content = new ReportContent
        {
            Description = "Nothing here.",
            Contact = new ReportContact { Channel = "phone", Address = "0470 12 34 56" },
        };

        Assert.Empty(Extract(content));
    }

    [Fact]
    public void ServiceNumbers_AreNeverEntities_WhateverTheirForm()
    {
        var services = new ServiceNumbers(["+3278055800"]);

        var found = EntityExtractor.FromText("Appelez le 078/05.58.00 ou le +32 78 05 58 00, pas le 0470 12 34 56.", "BE", services);

        Assert.Equal([new DetectedEntity("phone", "+32470123456")], found);
    }

    [Theory]
    [InlineData("BE 0123.456.749", "0123456749")]
    [InlineData("BE0123456749", "0123456749")]
    [InlineData("0123.456.749", "0123456749")]
    public void EnterpriseNumbers_InTheirWrittenForms(string written, string canonical)
    {
        Assert.Equal([new DetectedEntity("company", canonical)], EntityExtractor.FromText("Firma " + written + ".", "BE", ServiceNumbers.None));
    }

    [Fact]
    public void TenBareDigits_WithoutAWordNamingACompany_AreAPhone()
    {
        Assert.Equal([new DetectedEntity("phone", "+32477123402")], EntityExtractor.FromText("Hij belt van 0477123402.", "BE", ServiceNumbers.None));
    }
}
