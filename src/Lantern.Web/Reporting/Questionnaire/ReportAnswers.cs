using Lantern.Web.Core.Regions;

namespace Lantern.Web.Reporting.Questionnaire;

/// <summary>
/// A report's answers, step by step, as the person sending it reviews them and as the team reads them: built once
/// here and shown by one partial (<c>Reporting/Pages/_Answers.cshtml</c>), so both always show the same questions
/// in the same order with the same words. <paramref name="forStaff"/> is the team's reading: a report may hold
/// answers its role would not ask (a phone report, a changed role), a withheld contact is said to be withheld.
/// </summary>
public sealed class ReportAnswers(ReportContent content, string? role, IStringLocalizer texts, bool forStaff, bool contactWithheld = false)
{
    public IReadOnlyList<AnswerSection> Sections()
    {
        var c = content;
        var sections = new List<AnswerSection>
        {
            Section(QuestionnaireFlow.Danger, (Text("review.danger"), Answer(c.ImmediateDanger))),
            Section(
                QuestionnaireFlow.What,
                (Text("step.what.forms"), List(c.ExploitationTypes.Select(f => Label("form.", f)))),
                (Text("review.signs"), List(c.Signs.Select(s => Label("sign.", s)))),
                (Text("step.what.minors"), Answer(c.MinorsInvolved))),
        };
        if (c.MinorsInvolved == true)
        {
            sections.Add(Section(QuestionnaireFlow.Minor, (Text("step.minor.title"), Or(c.YoungestAge?.ToString(CultureInfo.CurrentCulture)))));
        }

        sections.Add(Section(
            QuestionnaireFlow.Where,
            (Text("field.location.country"), Or(c.Location.Country is null ? null : Countries.DisplayName(c.Location.Country))),
            (Text("field.location.postcode"), Or(c.Location.Postcode)),
            (Text("field.location.municipality"), Or(c.Location.Municipality)),
            (Text("field.location.placeType"), Or(c.Location.PlaceType is null ? null : Label("place.", c.Location.PlaceType))),
            (Text("field.location.address"), Or(c.Location.Address))));
        sections.Add(Section(
            QuestionnaireFlow.When,
            (Text("step.when.title"), Or(c.When is null ? null : Label("when.", c.When))),
            (Text("field.whenDetails"), Or(c.WhenDetails))));
        sections.Add(Section(
            QuestionnaireFlow.People,
            (Text("field.people.count"), Or(c.People.Count?.ToString(CultureInfo.CurrentCulture))),
            (Text("field.people.ages"), Or(c.People.Ages)),
            (Text("field.people.languages"), Or(c.People.Languages)),
            (Text("field.people.descriptions"), Or(c.People.Descriptions))));
        sections.Add(Section(
            QuestionnaireFlow.Details,
            (Text("field.entities.phones"), List(c.Entities.Phones)),
            (Text("field.entities.emails"), List(c.Entities.Emails)),
            (Text("field.entities.urls"), List(c.Entities.Urls)),
            (Text("field.entities.plates"), List(c.Entities.Plates)),
            (Text("field.entities.companies"), List(c.Entities.Companies))));
        var account = new List<(string, string)> { (Text(forStaff ? "staff.report.description" : "review.account"), Or(c.Description)) };
        if (role == "witness" || (forStaff && c.Relationship is not null))
        {
            account.Add((Text("field.relationship"), Or(c.Relationship)));
        }

        if (role == "professional" || (forStaff && c.Profession is not null))
        {
            account.Add((Text("field.profession"), Or(c.Profession)));
        }

        sections.Add(Section(QuestionnaireFlow.Account, [.. account]));
        sections.Add(Section(QuestionnaireFlow.Contact, Contact()));
        return sections;
    }

    private (string, string)[] Contact()
    {
        var contact = content.Contact;
        if (contactWithheld)
        {
            return [(Text("review.contact"), Text("staff.report.contact.withheld"))];
        }

        if (contact is null)
        {
            return [(Text("review.contact"), Text(forStaff ? "staff.report.contact.anonymous" : "step.contact.anonymous"))];
        }

        return
        [
            (Text("review.contact"), Label("contact.", contact.Channel ?? "phone") + ": " + Or(contact.Address)),
            (Text("field.contact.safeTimes"), Or(contact.SafeTimes)),
            (Text("field.contact.mayLeaveMessage"), Answer(contact.MayLeaveMessage)),
            (Text("field.contact.codeWord"), Or(contact.CodeWord)),
        ];
    }

    private AnswerSection Section(string step, params (string Label, string Value)[] rows) =>
        new(step, Text(forStaff && step == QuestionnaireFlow.Account ? "staff.report.account" : "step." + step + ".short"), [.. rows.Select(r => new AnswerRow(r.Label, r.Value))]);

    private string Text(string key) => texts[key].Value;

    private string Answer(bool? value) => Text("answer." + QuestionnaireFlow.YesNoValue(value));

    private string Or(string? value) => string.IsNullOrEmpty(value) ? Text("review.not_given") : value;

    private string List(IEnumerable<string> values) => values.Any() ? string.Join(", ", values) : Text("review.not_given");

    // A code without a text yet (a new channel, a new form) shows as the code rather than nothing.
    private string Label(string prefix, string code) => texts[prefix + code].Value is { Length: > 0 } text ? text : code;
}
