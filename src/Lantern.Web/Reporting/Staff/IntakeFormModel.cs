using Lantern.Web.Core.Catalogue;
using Lantern.Web.Platform.Validation;
using Lantern.Web.Reporting.Questionnaire;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Reporting.Staff;

/// <summary>
/// What the two staff intake pages (a phone call, a professional's registration) share: the questionnaire's
/// questions on one page, and showing the posted values again beside their errors when something is wrong.
/// </summary>
public abstract class IntakeFormModel(ReportingCatalogue catalogue, IStringLocalizer<TextCatalogue> text) : PageModel, IReportForm
{
    /// <summary>The values posted, shown again when the form comes back with errors.</summary>
    private IFormCollection? _posted;

    public abstract string? Role { get; }

    /// <summary>The page's texts, in the staff member's language.</summary>
    protected IStringLocalizer<TextCatalogue> Text => text;

    public ReportContent Answers { get; } = new();

    public IReadOnlyList<string> Forms { get; private set; } = [];

    public IReadOnlyList<string> Signs { get; private set; } = [];

    public bool OnePage => true;

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string Value(string field, string? fromAnswers) => _posted is not null ? _posted[field].ToString() : fromAnswers ?? string.Empty;

    public bool IsChecked(string field, string value, bool fromAnswers) => _posted is not null ? _posted[field].Contains(value) : fromAnswers;

    public IEnumerable<string> ErrorsFor(string field) =>
        Errors.Where(e => e.Field == field || e.Field.StartsWith(field + "[", StringComparison.Ordinal))
            .Select(e => text[e.MessageKey, e.Arguments].Value).Distinct();

    /// <summary>What the error summary names a field by: the question group it belongs to.</summary>
    public virtual string SummaryLabel(string field) => text["step." + QuestionnaireFlow.StepOf(field) + ".short"].Value;

    public string? DescribedBy(string field) => ErrorsFor(field).Any() ? ReportFormExtensions.IdOf(field) + "-error" : null;

    /// <summary>The catalogue's forms and signs, which the questions offer.</summary>
    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Forms = await catalogue.FormsAsync(cancellationToken);
        Signs = await catalogue.SignsAsync(cancellationToken);
    }

    /// <summary>The form again, with what was typed, the messages next to the fields and a summary; 400, nothing stored.</summary>
    protected async Task<PageResult> ShowErrorsAsync(IReadOnlyList<FieldError> errors, CancellationToken cancellationToken)
    {
        Errors = errors;
        _posted = Request.Form;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
