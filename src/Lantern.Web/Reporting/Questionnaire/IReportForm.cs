namespace Lantern.Web.Reporting.Questionnaire;

/// <summary>
/// What the question partials (<c>Reporting/Pages/Steps/_*.cshtml</c>) need from the page that shows them. The
/// public questionnaire shows one step per page; the staff intake forms show every question on one page, so the
/// same fields, names and texts serve both.
/// </summary>
public interface IReportForm
{
    /// <summary><c>victim</c>, <c>witness</c> or <c>professional</c>; null when it is chosen on the same page (a phone call).</summary>
    string? Role { get; }

    /// <summary>The answers so far (the draft, or what was last accepted).</summary>
    ReportContent Answers { get; }

    /// <summary>Codes of the forms of exploitation to offer.</summary>
    IReadOnlyList<string> Forms { get; }

    /// <summary>Codes of the signs to offer.</summary>
    IReadOnlyList<string> Signs { get; }

    /// <summary>Every question on one page (staff intake): each step's title is a second-level heading, not the page's.</summary>
    bool OnePage { get; }

    /// <summary>The text to show in a field: what was just posted when the form comes back with errors, else the answer.</summary>
    string Value(string field, string? fromAnswers);

    bool IsChecked(string field, string value, bool fromAnswers);

    /// <summary>The localised messages for a field.</summary>
    IEnumerable<string> ErrorsFor(string field);

    /// <summary>The id of the field's error message, for aria-describedby, or null when it has none.</summary>
    string? DescribedBy(string field);
}
