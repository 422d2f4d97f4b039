using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Localisation;
using Lantern.Web.Triage.Staff;

namespace Lantern.Tests.Triage;

/// <summary>The report and case pages build keys from codes; each such key must exist in every language.</summary>
public class ReportTextsTests
{
    private static readonly TextCatalogue _catalogue = new();
    private static readonly string[] _reasons = ["immediate-danger", "minor", "violence", "threats", "victim-asks-contact", "several-signs"];
    private static readonly string[] _regions = ["BE-BRU", "BE-VLG", "BE-WAL"];

    [Fact]
    public void EveryKeyTheReportPageComposes_ExistsInEveryLanguage()
    {
        var keys = ReportWorkflow.Order.Select(s => "staff.report.status." + s)
            .Concat(ReportOutcomes.All.Select(o => "staff.report.outcome." + o))
            .Concat(_reasons.Select(r => "staff.report.reason." + r))
            .Concat(new[] { ReportCodes.Channels.Web, ReportCodes.Channels.Api, ReportCodes.Channels.Phone }.Select(c => "staff.report.channel." + c))
            .Concat(ReportCodes.Roles.Select(r => "staff.report.role." + r))
            .Concat(_regions.Select(r => "staff.report.region." + r))
            .Concat(ReportModel.Confirmations.Select(c => "staff.report.done." + c))
            .ToList();

        var missing = LanguageSettings.Complete
            .SelectMany(language => keys.Where(key => !_catalogue.TryGet(language, key, out _)).Select(key => language + ": " + key))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void TheUrgencyReasonsShown_AreTheOnesTheScorerGives()
    {
        var reasons = Lantern.Web.Core.Reports.UrgencyScorer.Assess(new ReportContent
        {
            Role = "victim",
            ImmediateDanger = true,
            MinorsInvolved = true,
            Signs = ["violence", "threats"],
            Contact = new ReportContact(),
        }).Reasons;

        Assert.All(reasons, reason => Assert.True(_catalogue.TryGet("en", "staff.report.reason." + reason, out _), reason));
    }
}
