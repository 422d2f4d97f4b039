using Lantern.Web.Core.Organisations;
using Lantern.Web.Platform.Localisation;
using Lantern.Web.Referrals;
using Lantern.Web.Referrals.Routing;
using Lantern.Web.Referrals.Staff;

namespace Lantern.Tests.Referrals;

/// <summary>How rules match a report's facts and pick their organisations (the seeded rules are tested end to end in the integration tests).</summary>
public class RoutingEngineTests
{
    private static readonly TextCatalogue _catalogue = new();

    private static readonly Organisation[] _organisations =
    [
        new() { Id = 1, Code = "pag-asa", Name = "PAG-ASA", Kind = "victim-centre", Regions = "BE-BRU", SortOrder = 20 },
        new() { Id = 2, Code = "payoke", Name = "Payoke", Kind = "victim-centre", Regions = "BE-VLG", SortOrder = 30 },
        new() { Id = 3, Code = "minor-ndako", Name = "Minor-Ndako", Kind = "shelter", Regions = "BE-VLG,BE-BRU", SortOrder = 80 },
        new() { Id = 4, Code = "national-shelter", Name = "National", Kind = "shelter", Regions = "national", SortOrder = 90 },
        new() { Id = 5, Code = "police", Name = "Police", Kind = "police", Regions = "national", SortOrder = 100 },
    ];

    [Fact]
    public void AKindTarget_IsTheOrganisationServingTheRegion_ThenANationalOne_AndNothingWithoutARegion()
    {
        RoutingRule[] rules = [Rule(1, kind: "shelter"), Rule(2, kind: "victim-centre")];

        Assert.Equal(["minor-ndako", "pag-asa"], Codes(rules, Facts(region: "BE-BRU")));
        Assert.Equal(["national-shelter"], Codes(rules, Facts(region: "BE-WAL")));
        Assert.Equal(["national-shelter"], Codes(rules, Facts(region: null)));
    }

    [Fact]
    public void EverySetCondition_MustHold_AndAnUnknownAnswerIsNotYes()
    {
        var rule = Rule(1, organisation: 5, role: "victim", form: "labour", danger: true);

        Assert.True(RoutingEngine.Matches(rule, Facts(role: "victim", forms: ["labour", "sexual"], danger: true)));
        Assert.False(RoutingEngine.Matches(rule, Facts(role: "witness", forms: ["labour"], danger: true)));
        Assert.False(RoutingEngine.Matches(rule, Facts(role: "victim", forms: ["sexual"], danger: true)));
        Assert.False(RoutingEngine.Matches(rule, Facts(role: "victim", forms: ["labour"], danger: null)));
        Assert.True(RoutingEngine.Matches(Rule(2, organisation: 5, minor: false), Facts(minor: null)));
    }

    [Fact]
    public void DisabledRules_AlreadyReferredOrganisations_AndRepeats_AreNotProposed_AndTheFirstRuleInOrderNamesTheProposal()
    {
        RoutingRule[] rules =
        [
            Rule(1, organisation: 5, order: 20, name: "second"),
            Rule(2, organisation: 5, order: 10, name: "first"),
            Rule(3, organisation: 1, enabled: false),
            Rule(4, kind: "victim-centre", order: 30),
        ];

        var proposals = RoutingEngine.Propose(rules, _organisations, Facts(region: "BE-BRU"), alreadyDecided: []);
        Assert.Equal(["police", "pag-asa"], proposals.Select(p => p.OrganisationCode));
        Assert.Equal("first", proposals[0].RuleName);
        Assert.Equal(2, proposals[0].RuleId);

        Assert.Equal(["police"], Codes(rules, Facts(region: "BE-BRU"), alreadyReferred: [1]));
    }

    [Fact]
    public void EveryKeyTheReferralPagesCompose_ExistsInEveryLanguage()
    {
        var keys = ReferralsModel.States.Select(s => "staff.referrals.state." + s)
            .Concat(ReferralScopes.All.Select(s => "staff.referrals.scope." + s))
            .Concat(ReferralOutcomes.All.Select(o => "staff.referrals.outcome." + o))
            .Concat(ReferralModel.Confirmations.Select(c => "staff.referral.done." + c))
            .Concat(new[] { ReferralUpdateContent.Update, ReferralUpdateContent.Decline, ReferralUpdateContent.Close }.Select(k => "staff.referrals.update.kind." + k))
            .ToList();

        var missing = LanguageSettings.Complete
            .SelectMany(language => keys.Where(key => !_catalogue.TryGet(language, key, out _)).Select(key => language + ": " + key))
            .ToList();

        Assert.Empty(missing);
    }

    private static List<string> Codes(IEnumerable<RoutingRule> rules, RoutingFacts facts, int[]? alreadyReferred = null) =>
        [.. RoutingEngine.Propose(rules, _organisations, facts, alreadyReferred ?? []).Select(p => p.OrganisationCode)];

    private static RoutingFacts Facts(string role = "victim", string? region = "BE-BRU", string[]? forms = null, bool? minor = false, bool? danger = false) =>
        new(role, region, "en", forms ?? [], minor, danger);

    private static RoutingRule Rule(
        int id, int? organisation = null, string? kind = null, int order = 0, string name = "rule", bool enabled = true,
        string? role = null, string? form = null, bool? minor = null, bool? danger = null) =>
        new()
        {
            Id = id,
            Name = name,
            SortOrder = order,
            Enabled = enabled,
            OrganisationId = organisation,
            OrganisationKind = kind,
            Role = role,
            Form = form,
            Minor = minor,
            ImmediateDanger = danger,
        };
}
