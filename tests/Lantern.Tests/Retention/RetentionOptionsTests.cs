using Lantern.Web.Core.Reports;
using Lantern.Web.Retention;

namespace Lantern.Tests.Retention;

public sealed class RetentionOptionsTests
{
    [Fact]
    public void Rules_CoverEveryOutcomeOnce_AndReportsInACase()
    {
        var rules = new RetentionOptions().Rules();

        Assert.Equal(ReportOutcomes.All.Order(StringComparer.Ordinal), rules.Where(r => r.Outcome is not null).Select(r => r.Outcome!).Order(StringComparer.Ordinal));
        Assert.Single(rules, r => r.Outcome is null && r.Name == RetentionRule.InCase);
        Assert.Equal(rules.Count, rules.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Defaults_KeepEverything_AndTheJobIsOff()
    {
        var options = new RetentionOptions();

        Assert.False(options.Enabled);
        Assert.All(options.Rules(), r => Assert.True(r.Keeps, r.Name));
    }

    [Fact]
    public void Rules_TakeEachOutcomesPeriod()
    {
        var options = new RetentionOptions { NoFurtherActionDays = 30, ReferredDays = 730, InCaseDays = 3650 };

        var days = options.Rules().ToDictionary(r => r.Name, r => r.Days, StringComparer.Ordinal);

        Assert.Equal(30, days[ReportOutcomes.NoFurtherAction]);
        Assert.Equal(730, days[ReportOutcomes.Referred]);
        Assert.Equal(3650, days[RetentionRule.InCase]);
        Assert.Equal(0, days[ReportOutcomes.Unfounded]);
    }
}
