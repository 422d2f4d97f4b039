using System.Reflection;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Localisation;
using Lantern.Web.Triage.Inbox;
using Lantern.Web.Triage.Staff;

namespace Lantern.Tests.Triage.Inbox;

public class InboxRequestTests
{
    private static readonly InboxChoiceLists _choices = new(InboxStatuses.Choices, ["labour", "sexual"], ["BE-BRU", "BE-VLG"], ["en", "fr"], InboxChoices.Channels);

    [Fact]
    public void NoParameters_MeanOpenReportsOfAnyKind_FiftyAPage()
    {
        var (request, errors) = InboxRequest.Parse(new InboxParameters(), _choices);

        Assert.Empty(errors);
        Assert.Equal(new InboxFilter(), request!.Filter);
        Assert.Equal(InboxStatuses.Open, request.Filter.Status);
        Assert.Null(request.After);
        Assert.Equal(50, request.Limit);
    }

    [Fact]
    public void EveryFilter_IsRead()
    {
        var (request, errors) = InboxRequest.Parse(
            new InboxParameters { Status = "closed", Form = "sexual", Region = "BE-VLG", Language = "fr", Channel = "phone", Assigned = "me", Limit = "200" },
            _choices);

        Assert.Empty(errors);
        Assert.Equal(
            new InboxFilter { Status = ReportStatus.Closed, Form = "sexual", Region = "BE-VLG", Language = "fr", Channel = "phone", Assigned = InboxAssignment.Me },
            request!.Filter);
        Assert.Equal(200, request.Limit);
        Assert.Equal(InboxAssignment.Nobody, InboxRequest.Parse(new InboxParameters { Assigned = "none" }, _choices).Request!.Filter.Assigned);
    }

    [Fact]
    public void EveryUnknownValue_IsAnErrorNamingItsParameter()
    {
        var (request, errors) = InboxRequest.Parse(
            new InboxParameters { Status = "Open", Form = "organs", Region = "be-bru", Language = "de", Channel = "fax", Assigned = "ME", Limit = "-1", Cursor = "x" },
            _choices);

        Assert.Null(request);
        Assert.Equal(["status", "form", "region", "language", "channel", "assigned", "cursor", "limit"], errors.Select(e => e.Field));
    }

    [Fact]
    public void TheQueryString_OfAFilter_LeavesOutTheDefaults_AndParsesBackToIt()
    {
        var filter = new InboxFilter { Form = "labour", Assigned = InboxAssignment.Nobody };

        var query = InboxRequest.QueryOf(filter, "abc");

        Assert.Equal(["form", "assigned", "cursor"], query.Keys);
        var parameters = new InboxParameters { Form = query["form"], Assigned = query["assigned"] };
        Assert.Equal(filter, InboxRequest.Parse(parameters, _choices).Request!.Filter);
    }

    [Fact]
    public void OpenStatuses_AreEveryStatusButClosed()
    {
        var statuses = typeof(ReportStatus).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(statuses.Where(s => s != ReportStatus.Closed).Order(StringComparer.Ordinal), InboxStatuses.OpenStatuses.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheDeadline_IsShortWhenSomeoneIsInDanger()
    {
        var options = new AcknowledgementOptions();
        var received = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);

        Assert.Equal(received.AddHours(1), options.AcknowledgeBy(received, immediateDanger: true));
        Assert.Equal(received.AddHours(72), options.AcknowledgeBy(received, immediateDanger: false));
        Assert.Equal(received.AddHours(72), options.AcknowledgeBy(received, immediateDanger: null));
    }

    [Fact]
    public void EveryTextTheInboxComposes_ExistsInEveryLanguage()
    {
        var catalogue = new TextCatalogue();
        var keys = InboxStatuses.Choices.Select(s => "staff.inbox.status." + s)
            .Concat(UrgencyScorer.ReasonCodes.Select(r => "staff.inbox.reason." + r))
            .Concat(Enumerable.Range(0, UrgencyScorer.HighestLevel + 1).Select(l => "staff.inbox.level." + l))
            .Concat(InboxChoices.Channels.Select(c => "staff.inbox.channel." + c))
            .Concat(ReportCodes.Roles.Select(r => "staff.inbox.role." + r))
            .Concat(InboxModel.FilterFields.Select(f => "staff.inbox.filter." + f))
            .Concat(["staff.inbox.error.title", "staff.inbox.error.choice", "staff.inbox.error.cursor", "staff.inbox.error.limit",
                "staff.inbox.age.minutes", "staff.inbox.age.hours", "staff.inbox.age.days", "api.status.401", "api.status.403"])
            .ToList();

        var missing = LanguageSettings.Complete
            .SelectMany(language => keys.Where(key => !catalogue.TryGet(language, key, out _)).Select(key => language + ": " + key))
            .ToList();

        Assert.Empty(missing);
    }
}
