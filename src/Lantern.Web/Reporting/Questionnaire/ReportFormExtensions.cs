namespace Lantern.Web.Reporting.Questionnaire;

public static class ReportFormExtensions
{
    /// <summary>The HTML id of a field (<c>location.postcode</c> → <c>location-postcode</c>), which error summaries link to.</summary>
    public static string IdOf(string field) => field.Replace('.', '-');

    /// <summary>The role whose wording the questions use: a caller whose role is not chosen yet is asked as a witness would be.</summary>
    public static string TextRole(this IReportForm form) => form.Role ?? "witness";
}
