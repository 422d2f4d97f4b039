using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.Retention;

/// <summary>
/// The <c>Lantern:Retention</c> section (docs/CONFIGURATION.md): how many days a closed report is kept after it was
/// closed, per outcome, before it is erased. 0 (the default of every period) keeps reports with that outcome forever;
/// nothing is erased at all unless <see cref="Enabled"/>, so an upgrade never makes anyone's data vanish.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Lantern:Retention";

    /// <summary>At most about a hundred years: a longer period is a typing error, not a policy.</summary>
    private const int MaxDays = 36_500;

    /// <summary>Whether the scheduled job erases what is due. The command <c>retention erase</c> works either way.</summary>
    public bool Enabled { get; set; }

    /// <summary>Minutes between two runs of the job.</summary>
    [Range(1, 10_080)]
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>Closed as "no further action".</summary>
    [Range(0, MaxDays)]
    public int NoFurtherActionDays { get; set; }

    /// <summary>Closed as "not trafficking".</summary>
    [Range(0, MaxDays)]
    public int NotTraffickingDays { get; set; }

    /// <summary>Closed as "unfounded".</summary>
    [Range(0, MaxDays)]
    public int UnfoundedDays { get; set; }

    /// <summary>Closed as a duplicate of another report.</summary>
    [Range(0, MaxDays)]
    public int DuplicateDays { get; set; }

    /// <summary>Closed once information was given.</summary>
    [Range(0, MaxDays)]
    public int InformationGivenDays { get; set; }

    /// <summary>Closed once support started.</summary>
    [Range(0, MaxDays)]
    public int SupportStartedDays { get; set; }

    /// <summary>Closed as referred to a partner organisation.</summary>
    [Range(0, MaxDays)]
    public int ReferredDays { get; set; }

    /// <summary>
    /// Closed while grouped in a case, whatever the outcome: this period, not the outcome's, applies, so that the
    /// reports of one situation are not erased piece by piece under different rules.
    /// </summary>
    [Range(0, MaxDays)]
    public int InCaseDays { get; set; }

    /// <summary>Every rule, one per outcome of <see cref="ReportOutcomes.All"/> and one for reports in a case.</summary>
    public IReadOnlyList<RetentionRule> Rules() =>
    [
        new(RetentionRule.InCase, null, InCaseDays),
        new(ReportOutcomes.NoFurtherAction, ReportOutcomes.NoFurtherAction, NoFurtherActionDays),
        new(ReportOutcomes.NotTrafficking, ReportOutcomes.NotTrafficking, NotTraffickingDays),
        new(ReportOutcomes.Unfounded, ReportOutcomes.Unfounded, UnfoundedDays),
        new(ReportOutcomes.Duplicate, ReportOutcomes.Duplicate, DuplicateDays),
        new(ReportOutcomes.InformationGiven, ReportOutcomes.InformationGiven, InformationGivenDays),
        new(ReportOutcomes.SupportStarted, ReportOutcomes.SupportStarted, SupportStartedDays),
        new(ReportOutcomes.Referred, ReportOutcomes.Referred, ReferredDays),
    ];
}
