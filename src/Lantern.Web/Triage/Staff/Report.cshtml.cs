using Lantern.Web.Triage.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Triage.Staff;

/// <summary>
/// One report, decrypted for those allowed to read it (each view is audited): answers, urgency, status,
/// assignment, case and internal notes. The central team acts on it (each action posts, is audited and
/// redirects back); a partner caseworker sees a read-only page, and only of a report referred to them.
/// </summary>
[Authorize(Policy = StaffPolicies.ReadAnyReports)]
public sealed class ReportModel(
    OpenReport open,
    ChangeReportStatus changeStatus,
    AssignReport assign,
    AddReportNote addNote,
    IReportGrouping group,
    IStringLocalizer<TextCatalogue> t) : PageModel
{
    /// <summary>What the confirmation after a successful action may say (the <c>done</c> query value).</summary>
    public static readonly string[] Confirmations = ["status", "assigned", "unassigned", "note", "case-created", "case-added", "case-removed"];

    /// <summary>The one status error that is about the outcome rather than the status itself.</summary>
    private const string MissingOutcome = "staff.report.status.error.outcome";

    private string? _errorKey;

    [FromRoute]
    public string Reference { get; set; } = string.Empty;

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? CaseReference { get; set; }

    public ReportView View { get; private set; } = null!;

    public StaffMember Member { get; private set; } = null!;

    /// <summary>The central team acts; a partner only reads.</summary>
    public bool CanAct => Member.Can(Permissions.TriageReports) && !View.PartnerView;

    public IReadOnlyList<Assignee> Candidates { get; private set; } = [];

    public string? Done { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Which form the error belongs to (<c>status</c>, <c>assign</c>, <c>note</c>, <c>case</c>), to show it beside it.</summary>
    public string? ErrorForm { get; private set; }

    /// <summary>
    /// The id of the control the error is about: the error summary links to it (following the link puts the
    /// cursor there) and the control is described by the message.
    /// </summary>
    public string? ErrorField => ErrorForm switch
    {
        null => null,
        "status" => _errorKey == MissingOutcome ? "outcome" : "new-status",
        "assign" => "assignee",
        "note" => "note",
        _ => View.CaseReference is null ? "case-reference" : "case-form",
    };

    /// <summary>
    /// The status and outcome chosen in a status change that was refused as invalid, shown chosen again so that
    /// adding the missing outcome does not also mean choosing the status again (the form would otherwise fall
    /// back to its first option and quietly make a different change).
    /// </summary>
    public string? ChosenStatus { get; private set; }

    public string? ChosenOutcome { get; private set; }

    public Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done is not null && Confirmations.Contains(done) ? done : null;
        return ShowAsync(StatusCodes.Status200OK, cancellationToken);
    }

    public Task<IActionResult> OnPostStatusAsync(string? expected, string? status, string? outcome, CancellationToken cancellationToken)
    {
        ChosenStatus = status;
        ChosenOutcome = outcome;
        return ActAsync(member => changeStatus.ExecuteAsync(member, Reference, expected, status, outcome, cancellationToken), "status", "status", cancellationToken);
    }

    public Task<IActionResult> OnPostAssignAsync(string? assignee, CancellationToken cancellationToken) =>
        Guid.TryParse(assignee, out var id)
            ? ActAsync(member => assign.ExecuteAsync(member, Reference, id, cancellationToken), "assigned", "assign", cancellationToken)
            : ActAsync(_ => Task.FromResult(Outcome.Invalid("staff.report.assign.error.assignee")), "assigned", "assign", cancellationToken);

    public Task<IActionResult> OnPostAssignMeAsync(CancellationToken cancellationToken) =>
        ActAsync(member => assign.ExecuteAsync(member, Reference, member.Id, cancellationToken), "assigned", "assign", cancellationToken);

    public Task<IActionResult> OnPostUnassignAsync(CancellationToken cancellationToken) =>
        ActAsync(member => assign.ExecuteAsync(member, Reference, null, cancellationToken), "unassigned", "assign", cancellationToken);

    public Task<IActionResult> OnPostNoteAsync(CancellationToken cancellationToken) =>
        ActAsync(member => addNote.ExecuteAsync(member, Reference, Note, cancellationToken), "note", "note", cancellationToken);

    public Task<IActionResult> OnPostCreateCaseAsync(CancellationToken cancellationToken) =>
        ActAsync(member => group.CreateCaseAsync(member, Reference, cancellationToken), "case-created", "case", cancellationToken);

    public Task<IActionResult> OnPostAddToCaseAsync(CancellationToken cancellationToken) =>
        ActAsync(member => group.AddToCaseAsync(member, Reference, CaseReference, cancellationToken), "case-added", "case", cancellationToken);

    public Task<IActionResult> OnPostRemoveFromCaseAsync(CancellationToken cancellationToken) =>
        ActAsync(member => group.RemoveFromCaseAsync(member, Reference, cancellationToken), "case-removed", "case", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<StaffMember, Task<Outcome>> action, string confirmation, string form, CancellationToken cancellationToken) =>
        await this.AnswerAsync(
            await action(StaffMember.Of(HttpContext)),
            t,
            () =>
            {
                ModelState.Clear();
                return Task.FromResult<IActionResult>(LocalRedirect($"/staff/reports/{Uri.EscapeDataString(ReportReferences.Normalise(Reference)!)}?done={confirmation}"));
            },
            (message, refusal) =>
            {
                Error = message;
                ErrorForm = form;
                _errorKey = refusal.MessageKey;
                if (refusal.Kind == OutcomeKind.Conflict)
                {
                    // The report moved on: the choices made on the older page no longer apply ("choose again").
                    ChosenStatus = null;
                    ChosenOutcome = null;
                }

                return ShowAsync(refusal.StatusCode, cancellationToken);
            });

    private async Task<IActionResult> ShowAsync(int status, CancellationToken cancellationToken)
    {
        Member = StaffMember.Of(HttpContext);
        var view = await open.ExecuteAsync(Member, Reference, "page", cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        if (CanAct)
        {
            Candidates = await assign.CandidatesAsync(cancellationToken);
        }

        Response.StatusCode = status;
        return Page();
    }
}
