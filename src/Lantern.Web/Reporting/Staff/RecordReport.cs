using Lantern.Web.Platform.Validation;
using Lantern.Web.Reporting.Intake;

namespace Lantern.Web.Reporting.Staff;

/// <summary>
/// A staff member records a report for someone else (a caller, a person a professional supports): the same rules
/// and storage as the public channels, plus who recorded it, and an audit entry naming the reference only.
/// </summary>
public sealed class RecordReport(ReportValidator validator, SubmitReport submit, AuditTrail audit)
{
    public const string AuditAction = "report.recorded";

    /// <summary>
    /// Validates <paramref name="content"/> with the rules of <paramref name="source"/>, adding to <paramref name="formErrors"/>
    /// (problems found while reading the form; a field that has one is not reported twice); stores and audits it when valid.
    /// </summary>
    public async Task<RecordOutcome> ExecuteAsync(
        ReportContent content, IntakeSource source, StaffMember member, IReadOnlyList<FieldError> formErrors, CancellationToken cancellationToken)
    {
        var errors = formErrors.ToList();
        errors.AddRange((await validator.ValidateAsync(content, source, cancellationToken)).Where(e => !formErrors.Any(f => f.Field == e.Field)));
        if (errors.Count > 0)
        {
            return new RecordOutcome(errors, null);
        }

        // The report and its entry are written in one transaction.
        var submitted = await submit.ExecuteAsync(content, source, cancellationToken, (db, reference) =>
            audit.Add(db, member.Actor, AuditAction, reference, "channel=" + source.Channel));
        return new RecordOutcome([], submitted);
    }
}
