namespace Lantern.Web.Reporting.Questionnaire;

/// <summary>
/// What the answers partial shows: the sections, and whether each offers "change" (the review step, inside the
/// questionnaire's form, headings at level 2) or not (the staff report page, under its own "answers" heading: level 3).
/// </summary>
public sealed record AnswerList(IReadOnlyList<AnswerSection> Sections, bool Changeable);
