namespace Lantern.Web.Reporting.Questionnaire;

/// <summary>The answers of one questionnaire step (<see cref="QuestionnaireFlow"/>), with the step's heading.</summary>
public sealed record AnswerSection(string Step, string Heading, IReadOnlyList<AnswerRow> Rows);
