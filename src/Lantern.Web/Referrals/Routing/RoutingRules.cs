using Lantern.Web.Platform.Validation;

namespace Lantern.Web.Referrals.Routing;

/// <summary>Administrators list, add, edit, enable and disable routing rules; every change is audited with what it changed to.</summary>
public sealed class RoutingRules(LanternDbContext db, AuditTrail audit)
{
    public static readonly string[] Roles = ["victim", "witness", "professional"];

    public Task<List<RoutingRule>> ListAsync(CancellationToken cancellationToken) =>
        db.RoutingRules.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToListAsync(cancellationToken);

    public async Task<RoutingRuleInput?> InputOfAsync(int id, CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return null;
        }

        var code = rule.OrganisationId is { } o ? await db.Organisations.Where(x => x.Id == o).Select(x => x.Code).FirstOrDefaultAsync(cancellationToken) : null;
        return new RoutingRuleInput
        {
            Name = rule.Name,
            SortOrder = rule.SortOrder,
            Enabled = rule.Enabled,
            Role = rule.Role,
            Region = rule.Region,
            Language = rule.Language,
            Form = rule.Form,
            Minor = YesNo(rule.Minor),
            ImmediateDanger = YesNo(rule.ImmediateDanger),
            Organisation = code,
            OrganisationKind = rule.OrganisationKind,
            Scope = rule.Scope,
        };
    }

    /// <summary>Adds (id null) or edits a rule. Returns the catalogue key of the first problem, or null when saved.</summary>
    public async Task<(string? ErrorKey, int? Id)> SaveAsync(StaffMember member, int? id, RoutingRuleInput input, CancellationToken cancellationToken)
    {
        var rule = id is { } existing ? await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == existing, cancellationToken) : new RoutingRule { Name = string.Empty };
        if (rule is null)
        {
            return ("staff.routing.error.not_found", null);
        }

        if (!TextInput.TryNormalise(input.Name, multiline: false, out var name) || name is null || name.Length > 200)
        {
            return ("staff.routing.error.name", null);
        }

        if (Blank(input.Role) is { } role && !Roles.Contains(role))
        {
            return ("staff.routing.error.role", null);
        }

        if (input.Scope is null || !ReferralScopes.All.Contains(input.Scope))
        {
            return ("staff.routing.error.scope", null);
        }

        var kinds = await db.Organisations.Select(o => o.Kind).Distinct().ToListAsync(cancellationToken);
        int? organisationId = null;
        if (Blank(input.Organisation) is { } code)
        {
            organisationId = await db.Organisations.Where(o => o.Code == code).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
            if (organisationId is null)
            {
                return ("staff.routing.error.target", null);
            }
        }

        var kind = Blank(input.OrganisationKind);
        if ((organisationId is null) == (kind is null) || (kind is not null && !kinds.Contains(kind)))
        {
            // Exactly one target: one organisation, or a kind resolved by the report's region.
            return ("staff.routing.error.target", null);
        }

        if (Blank(input.Region) is { Length: > 16 } || Blank(input.Language) is { Length: > 8 } || Blank(input.Form) is { Length: > 32 })
        {
            return ("staff.routing.error.condition", null);
        }

        rule.Name = name;
        rule.SortOrder = input.SortOrder;
        rule.Enabled = input.Enabled;
        rule.Role = Blank(input.Role);
        rule.Region = Blank(input.Region);
        rule.Language = Blank(input.Language);
        rule.Form = Blank(input.Form);
        rule.Minor = Bool(input.Minor);
        rule.ImmediateDanger = Bool(input.ImmediateDanger);
        rule.OrganisationId = organisationId;
        rule.OrganisationKind = kind;
        rule.Scope = input.Scope;
        if (id is null)
        {
            db.RoutingRules.Add(rule);
        }

        // The entry names the rule by its id, which a new rule gets when saved: both are saved in one transaction.
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        await db.SaveChangesAsync(CancellationToken.None);
        await audit.RecordAsync(db, member.Actor, id is null ? "routing.rule-added" : "routing.rule-changed", rule.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Describe(rule, input.Organisation));
        await transaction.CommitAsync(CancellationToken.None);
        return (null, rule.Id);
    }

    public async Task<bool> SetEnabledAsync(StaffMember member, int id, bool enabled, CancellationToken cancellationToken)
    {
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        var changed = await db.RoutingRules.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.Enabled, enabled), cancellationToken);
        if (changed == 0)
        {
            return false;
        }

        await audit.RecordAsync(db, member.Actor, enabled ? "routing.rule-enabled" : "routing.rule-disabled", id.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Empty);
        await transaction.CommitAsync(CancellationToken.None);
        return true;
    }

    private static string Describe(RoutingRule rule, string? organisation) =>
        $"enabled={rule.Enabled}; order={rule.SortOrder}; role={rule.Role}; region={rule.Region}; language={rule.Language}; form={rule.Form}; " +
        $"minor={rule.Minor}; danger={rule.ImmediateDanger}; organisation={organisation}; kind={rule.OrganisationKind}; scope={rule.Scope}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool? Bool(string? value) => value switch { "yes" => true, "no" => false, _ => null };

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => string.Empty };
}
