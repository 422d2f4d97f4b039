using Lantern.Web.Platform.Validation;
using Lantern.Web.Reporting.Questionnaire;

namespace Lantern.Web.Reporting.Staff;

/// <summary>
/// The staff intake form: every question of the public questionnaire on one page, under the questionnaire's own
/// field names, so <see cref="QuestionnaireFlow"/> reads it and <see cref="ReportValidator"/> names its errors.
/// </summary>
public static class IntakeForm
{
    /// <summary>The questionnaire's steps the form shows, in order (all but the summary).</summary>
    public static readonly string[] Steps =
    [
        QuestionnaireFlow.Danger, QuestionnaireFlow.What, QuestionnaireFlow.Minor, QuestionnaireFlow.Where, QuestionnaireFlow.When,
        QuestionnaireFlow.People, QuestionnaireFlow.Details, QuestionnaireFlow.Account, QuestionnaireFlow.Contact,
    ];

    /// <summary>The report content as posted; fields that could not be read (a word where a number goes) go to <paramref name="errors"/>.</summary>
    public static ReportContent Read(IFormCollection form, string? role, string? language, List<FieldError> errors)
    {
        var content = new ReportContent { Role = role, Language = language };
        foreach (var step in Steps)
        {
            // The age question counts only when a minor is involved, as in the questionnaire.
            if (step != QuestionnaireFlow.Minor || content.MinorsInvolved == true)
            {
                QuestionnaireFlow.Apply(step, form, content, errors);
            }
        }

        return content;
    }

    /// <summary>A whole number as typed, or null when empty; anything else is an error on <paramref name="field"/>.</summary>
    public static int? Number(IFormCollection form, string field, List<FieldError> errors)
    {
        var text = form[field].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length <= 6 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(new FieldError(field, "error.number"));
        return null;
    }
}
