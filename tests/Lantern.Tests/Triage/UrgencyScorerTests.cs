using Lantern.Web.Core.Reports;

namespace Lantern.Tests.Triage;

public class UrgencyScorerTests
{
    [Fact]
    public void NothingAlarming_IsLevelZeroWithoutReasons()
    {
        var assessment = UrgencyScorer.Assess(new ReportContent { Role = "witness", Signs = ["hours"] });

        Assert.Equal(0, assessment.Level);
        Assert.Empty(assessment.Reasons);
    }

    [Fact]
    public void ImmediateDanger_IsLevelFive()
    {
        var assessment = UrgencyScorer.Assess(new ReportContent { Role = "witness", ImmediateDanger = true });

        Assert.Equal(5, assessment.Level);
        Assert.Equal(["immediate-danger"], assessment.Reasons);
    }

    [Fact]
    public void UnknownDanger_DoesNotRaiseUrgency()
    {
        Assert.Equal(0, UrgencyScorer.Assess(new ReportContent { Role = "witness", ImmediateDanger = null }).Level);
    }

    [Fact]
    public void MinorInvolved_IsLevelFour()
    {
        var assessment = UrgencyScorer.Assess(new ReportContent { Role = "witness", MinorsInvolved = true });

        Assert.Equal(4, assessment.Level);
        Assert.Equal(["minor"], assessment.Reasons);
    }

    [Fact]
    public void MinorSign_IsLevelFourToo()
    {
        Assert.Equal(4, UrgencyScorer.Assess(new ReportContent { Role = "witness", Signs = ["minor"] }).Level);
    }

    [Theory]
    [InlineData("violence")]
    [InlineData("threats")]
    public void ViolenceOrThreats_IsLevelThree(string sign)
    {
        var assessment = UrgencyScorer.Assess(new ReportContent { Role = "witness", Signs = [sign] });

        Assert.Equal(3, assessment.Level);
        Assert.Equal([sign], assessment.Reasons);
    }

    [Fact]
    public void VictimAskingForContact_IsLevelTwo()
    {
        var assessment = UrgencyScorer.Assess(new ReportContent { Role = "victim", Contact = new() { Channel = "sms", Address = "0470 12 34 56" } });

        Assert.Equal(2, assessment.Level);
        Assert.Equal(["victim-asks-contact"], assessment.Reasons);
    }

    [Fact]
    public void WitnessAskingForContact_DoesNotRaiseUrgency()
    {
        Assert.Equal(0, UrgencyScorer.Assess(new ReportContent { Role = "witness", Contact = new() { Channel = "sms", Address = "0470 12 34 56" } }).Level);
    }

    [Fact]
    public void SeveralSigns_IsLevelOne()
    {
        var assessment = UrgencyScorer.Assess(new ReportContent { Role = "witness", Signs = ["hours", "housing"] });

        Assert.Equal(1, assessment.Level);
        Assert.Equal(["several-signs"], assessment.Reasons);
    }

    [Fact]
    public void TheHighestLevelWins_AndEveryReasonIsKept()
    {
        var assessment = UrgencyScorer.Assess(new ReportContent
        {
            Role = "victim",
            ImmediateDanger = true,
            MinorsInvolved = true,
            Signs = ["violence", "threats"],
            Contact = new() { Channel = "phone", Address = "0470 12 34 56" },
        });

        Assert.Equal(5, assessment.Level);
        Assert.Equal(["immediate-danger", "minor", "violence", "threats", "victim-asks-contact", "several-signs"], assessment.Reasons);
    }

    [Fact]
    public void EverythingAtOnce_ReachesTheHighestLevel_WithEveryKnownReason()
    {
        var assessment = UrgencyScorer.Assess(new ReportContent
        {
            Role = "victim",
            ImmediateDanger = true,
            MinorsInvolved = true,
            Signs = ["violence", "threats"],
            Contact = new ReportContact { Channel = "phone", Address = "0470 00 00 00" },
        });

        Assert.Equal(UrgencyScorer.HighestLevel, assessment.Level);
        Assert.Equal(UrgencyScorer.ReasonCodes, assessment.Reasons);
    }
}
