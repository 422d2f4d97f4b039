using Lantern.Web.Platform.Validation;
using Lantern.Web.Reporting.Intake;

namespace Lantern.Web.Reporting.Staff;

/// <summary>The outcome of recording a report: the problems to show, or the stored report with its receipt.</summary>
public sealed record RecordOutcome(IReadOnlyList<FieldError> Errors, SubmittedReport? Submitted);
