using Lantern.Web.Core.Catalogue;
using Lantern.Web.Platform.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Reporting.Staff;

/// <summary>
/// A professional registers the situation of a person they support, under their organisation's name, and sees
/// the reports their organisation registered (reference, date and status only).
/// </summary>
[Authorize(Policy = Permissions.RegisterCases)]
public sealed class RegisterModel(
    RecordReport record,
    RecordedReceiptCookie receipts,
    LanternDbContext db,
    ReportingCatalogue catalogue,
    IStringLocalizer<TextCatalogue> text) : IntakeFormModel(catalogue, text)
{
    public const int ListSize = 50;

    public override string? Role => "professional";

    /// <summary>The organisation's name; null when the member belongs to none and so cannot register.</summary>
    public string? Organisation { get; private set; }

    public IReadOnlyList<RegisteredReport> Registered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(StaffMember.Of(HttpContext), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var member = StaffMember.Of(HttpContext);
        await LoadAsync(member, cancellationToken);
        if (member.OrganisationId is not { } organisation || Organisation is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var errors = new List<FieldError>();

        // The professional writes in their own language: the report's language is the page's.
        var content = IntakeForm.Read(Request.Form, Role, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, errors);
        var source = IntakeSource.Professional(member.Id, organisation);
        var outcome = await record.ExecuteAsync(content, source, member, errors, cancellationToken);
        if (outcome.Submitted is not { } submitted)
        {
            return await ShowErrorsAsync(outcome.Errors, cancellationToken);
        }

        receipts.Write(Response, member, new RecordedReceipt(submitted.Reference, submitted.Receipt, source.Channel));
        return RedirectToPage("/Reporting/Staff/CaseRegistered");
    }

    private async Task LoadAsync(StaffMember member, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (member.OrganisationId is not { } organisation)
        {
            return;
        }

        Organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisation).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);

        // Not through ReportScope: a professional reads no report, only when and under what reference their
        // organisation registered one, and where it stands (never its content).
        Registered = await db.Reports.AsNoTracking()
            .Where(r => r.OrganisationId == organisation)
            .OrderByDescending(r => r.ReceivedAt)
            .Take(ListSize)
            .Select(r => new RegisteredReport(r.Reference, r.ReceivedAt, r.Status))
            .ToListAsync(cancellationToken);
    }
}
