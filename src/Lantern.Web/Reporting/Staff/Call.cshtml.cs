using Lantern.Web.Core.Catalogue;
using Lantern.Web.Platform.Validation;
using Lantern.Web.Reporting.Questionnaire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Reporting.Staff;

/// <summary>
/// An operator records a call to the phone line: the questionnaire's content, plus the caller's language, whether an
/// interpreter took part and how long the call lasted. The receipt is then shown once, for the operator to read out.
/// </summary>
[Authorize(Policy = Permissions.RecordCalls)]
public sealed class CallModel(
    RecordReport record,
    RecordedReceiptCookie receipts,
    CallerLanguages callerLanguages,
    ReportingCatalogue catalogue,
    IStringLocalizer<TextCatalogue> text) : IntakeFormModel(catalogue, text)
{
    /// <summary>The operator chooses who is calling on the same page.</summary>
    public override string? Role => null;

    public IReadOnlyList<(string Code, string Name)> Languages { get; private set; } = [];

    public override string SummaryLabel(string field) => field switch
    {
        "role" => Text["staff.intake.field.role"].Value,
        "language" => Text["staff.intake.field.language"].Value,
        "interpreterUsed" => Text["staff.intake.field.interpreter"].Value,
        "callMinutes" => Text["staff.intake.field.minutes"].Value,
        _ => base.SummaryLabel(field),
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var member = StaffMember.Of(HttpContext);
        var form = Request.Form;
        var errors = new List<FieldError>();
        var content = IntakeForm.Read(form, form["role"], form["language"], errors);
        var source = IntakeSource.PhoneCall(member.Id, QuestionnaireFlow.YesNo(form["interpreterUsed"]), IntakeForm.Number(form, "callMinutes", errors));

        var outcome = await record.ExecuteAsync(content, source, member, errors, cancellationToken);
        if (outcome.Submitted is not { } submitted)
        {
            Languages = callerLanguages.SortedForCurrentLanguage();
            return await ShowErrorsAsync(outcome.Errors, cancellationToken);
        }

        receipts.Write(Response, member, new RecordedReceipt(submitted.Reference, submitted.Receipt, source.Channel));
        return RedirectToPage("/Reporting/Staff/CallRecorded");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Languages = callerLanguages.SortedForCurrentLanguage();
        await LoadChoicesAsync(cancellationToken);
    }
}
