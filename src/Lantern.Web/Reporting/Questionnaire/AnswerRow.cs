namespace Lantern.Web.Reporting.Questionnaire;

/// <summary>One answer as shown: its question and what was answered, in the page's language.</summary>
public sealed record AnswerRow(string Label, string Value);
