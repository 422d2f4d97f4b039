using Lantern.Web.Core.Reports;

namespace Lantern.Tests.Reporting.Intake;

public class ReferenceGeneratorTests
{
    [Fact]
    public void Next_HasTheShapeOfAReference_WithoutAmbiguousLetters()
    {
        for (var i = 0; i < 200; i++)
        {
            var reference = ReferenceGenerator.Next();

            Assert.Matches("^LT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", reference);
        }
    }

    [Fact]
    public void Next_GivesDifferentReferences()
    {
        Assert.Equal(200, Enumerable.Range(0, 200).Select(_ => ReferenceGenerator.Next()).Distinct(StringComparer.Ordinal).Count());
    }
}
