using Lantern.Web.Platform.Validation;
using Microsoft.Extensions.Primitives;

namespace Lantern.Web.Reporting.Questionnaire;

/// <summary>
/// The steps of the questionnaire, which of them apply to the answers so far, and how each step's form
/// fields are read into the <see cref="ReportContent"/>. One short question group per step.
/// </summary>
public static class QuestionnaireFlow
{
    public const string Danger = "danger";
    public const string What = "what";
    public const string Minor = "minor";
    public const string Where = "where";
    public const string When = "when";
    public const string People = "people";
    public const string Details = "details";
    public const string Account = "account";
    public const string Contact = "contact";
    public const string Review = "review";

    private static readonly Dictionary<string, string[]> _fields = new(StringComparer.Ordinal)
    {
        [Danger] = ["immediateDanger"],
        [What] = ["exploitationTypes", "signs", "minorsInvolved"],
        [Minor] = ["youngestAge"],
        [Where] = ["location.country", "location.postcode", "location.municipality", "location.placeType", "location.address"],
        [When] = ["when", "whenDetails"],
        [People] = ["people.count", "people.ages", "people.languages", "people.descriptions"],
        [Details] = ["entities.phones", "entities.emails", "entities.urls", "entities.plates", "entities.companies"],
        [Account] = ["description", "relationship", "profession"],
        [Contact] = ["contactWanted", "contact.channel", "contact.address", "contact.safeTimes", "contact.mayLeaveMessage", "contact.codeWord"],
        [Review] = [],
    };

    /// <summary>The steps that apply, in order: the age question only when a minor is involved.</summary>
    public static IReadOnlyList<string> StepsFor(ReportContent content)
    {
        var steps = new List<string> { Danger, What };
        if (content.MinorsInvolved == true)
        {
            steps.Add(Minor);
        }

        steps.AddRange([Where, When, People, Details, Account, Contact, Review]);
        return steps;
    }

    public static bool IsStep(string? step) => step is not null && _fields.ContainsKey(step);

    public static IReadOnlyList<string> FieldsOf(string step) => _fields[step];

    /// <summary>The step that asks for a field, to send a person back to the right page.</summary>
    public static string StepOf(string field) =>
        _fields.FirstOrDefault(pair => pair.Value.Any(f => field == f || field.StartsWith(f + "[", StringComparison.Ordinal))).Key ?? Account;

    /// <summary>Reads the posted fields of <paramref name="step"/> into <paramref name="content"/>; parse problems go to <paramref name="errors"/>.</summary>
    public static void Apply(string step, IFormCollection form, ReportContent content, List<FieldError> errors)
    {
        switch (step)
        {
            case Danger:
                content.ImmediateDanger = YesNo(form["immediateDanger"]);
                break;
            case What:
                content.ExploitationTypes = form["exploitationTypes"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
                content.Signs = form["signs"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
                content.MinorsInvolved = YesNo(form["minorsInvolved"]);
                if (content.MinorsInvolved != true)
                {
                    content.YoungestAge = null;
                }

                break;
            case Minor:
                content.YoungestAge = Number(form["youngestAge"], "youngestAge", errors);
                break;
            case Where:
                content.Location = new ReportLocation
                {
                    Country = Text(form["location.country"]) ?? "BE",
                    Postcode = Text(form["location.postcode"]),
                    Municipality = Text(form["location.municipality"]),
                    PlaceType = Text(form["location.placeType"]),
                    Address = Text(form["location.address"]),
                };
                break;
            case When:
                content.When = Text(form["when"]);
                content.WhenDetails = Text(form["whenDetails"]);
                break;
            case People:
                content.People = new ReportPeople
                {
                    Count = Number(form["people.count"], "people.count", errors),
                    Ages = Text(form["people.ages"]),
                    Languages = Text(form["people.languages"]),
                    Descriptions = Text(form["people.descriptions"]),
                };
                break;
            case Details:
                content.Entities = new ReportEntities
                {
                    Phones = Lines(form["entities.phones"]),
                    Emails = Lines(form["entities.emails"]),
                    Urls = Lines(form["entities.urls"]),
                    Plates = Lines(form["entities.plates"]),
                    Companies = Lines(form["entities.companies"]),
                };
                break;
            case Account:
                content.Description = Text(form["description"]);
                content.Relationship = Text(form["relationship"]);
                content.Profession = Text(form["profession"]);
                break;
            case Contact:
                content.Contact = form["contactWanted"] == "yes"
                    ? new ReportContact
                    {
                        Channel = Text(form["contact.channel"]),
                        Address = Text(form["contact.address"]),
                        SafeTimes = Text(form["contact.safeTimes"]),
                        MayLeaveMessage = YesNo(form["contact.mayLeaveMessage"]),
                        CodeWord = Text(form["contact.codeWord"]),
                    }
                    : null;
                break;
        }
    }

    /// <summary><c>yes</c> / <c>no</c>, anything else (including "I don't know") is null.</summary>
    public static bool? YesNo(StringValues value) => value.ToString() switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };

    public static string YesNoValue(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => "unknown",
    };

    private static string? Text(StringValues value) => value.Count == 0 ? null : value.ToString();

    private static int? Number(StringValues value, string field, List<FieldError> errors)
    {
        var text = value.ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(new FieldError(field, "error.number"));
        return null;
    }

    private static List<string> Lines(StringValues value) =>
        value.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
