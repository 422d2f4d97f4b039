namespace Lantern.Web.Core.Reports;

/// <summary>
/// The urgency ladder of DOMAIN.md, highest first: immediate danger (5), a minor involved (4), violence or
/// threats (3), a victim asking to be contacted (2), several signs (1), otherwise 0.
/// </summary>
public static class UrgencyScorer
{
    /// <summary>The top of the ladder (immediate danger): levels run from 0 to this.</summary>
    public const int HighestLevel = 5;

    /// <summary>Every reason <see cref="Assess"/> can give, so that each has a text explaining it.</summary>
    public static readonly string[] ReasonCodes = ["immediate-danger", "minor", "violence", "threats", "victim-asks-contact", "several-signs"];

    public static UrgencyAssessment Assess(ReportContent content)
    {
        var reasons = new List<string>();
        var level = 0;
        void Raise(int to, string reason)
        {
            reasons.Add(reason);
            level = Math.Max(level, to);
        }

        if (content.ImmediateDanger == true)
        {
            Raise(HighestLevel, "immediate-danger");
        }

        if (content.MinorsInvolved == true || content.Signs.Contains("minor"))
        {
            Raise(4, "minor");
        }

        if (content.Signs.Contains("violence"))
        {
            Raise(3, "violence");
        }

        if (content.Signs.Contains("threats"))
        {
            Raise(3, "threats");
        }

        if (content.Role == "victim" && content.Contact is not null)
        {
            Raise(2, "victim-asks-contact");
        }

        if (content.Signs.Count >= 2)
        {
            Raise(1, "several-signs");
        }

        return new UrgencyAssessment(level, reasons);
    }
}
