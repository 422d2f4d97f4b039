namespace Lantern.Web.Referrals.Routing;

/// <summary>The input of the rule form: conditions (empty = any) and target, as text from a form.</summary>
public sealed class RoutingRuleInput
{
    public string? Name { get; set; }

    public int SortOrder { get; set; }

    public bool Enabled { get; set; } = true;

    public string? Role { get; set; }

    public string? Region { get; set; }

    public string? Language { get; set; }

    public string? Form { get; set; }

    /// <summary><c>yes</c>, <c>no</c> or empty (any).</summary>
    public string? Minor { get; set; }

    public string? ImmediateDanger { get; set; }

    /// <summary>An organisation code, or empty when <see cref="OrganisationKind"/> is used.</summary>
    public string? Organisation { get; set; }

    public string? OrganisationKind { get; set; }

    public string? Scope { get; set; }
}
