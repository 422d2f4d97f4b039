using Lantern.Web.Core.Reports;

namespace Lantern.Tests.Triage;

public class ReportWorkflowTests
{
    [Fact]
    public void ANewReport_MovesForward_AndMaySkipSteps()
    {
        Assert.Equal([ReportStatus.InTriage, ReportStatus.InProgress, ReportStatus.Referred, ReportStatus.Closed], ReportWorkflow.NextOf(ReportStatus.New));
    }

    [Theory]
    [InlineData(ReportStatus.InProgress, ReportStatus.InTriage)]
    [InlineData(ReportStatus.Referred, ReportStatus.New)]
    [InlineData(ReportStatus.InTriage, ReportStatus.InTriage)]
    [InlineData(ReportStatus.Closed, ReportStatus.Closed)]
    [InlineData(ReportStatus.Closed, ReportStatus.New)]
    [InlineData("no-such-status", ReportStatus.Closed)]
    public void AReport_NeverMovesBack_ExceptByReopening(string from, string to)
    {
        Assert.False(ReportWorkflow.CanMove(from, to));
    }

    [Fact]
    public void AClosedReport_IsReopenedInProgress()
    {
        Assert.Equal([ReportStatus.InProgress], ReportWorkflow.NextOf(ReportStatus.Closed));
        Assert.True(ReportWorkflow.IsReopening(ReportStatus.Closed, ReportStatus.InProgress));
        Assert.False(ReportWorkflow.IsReopening(ReportStatus.Referred, ReportStatus.Closed));
    }
}
