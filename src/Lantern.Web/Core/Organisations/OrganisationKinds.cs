namespace Lantern.Web.Core.Organisations;

/// <summary>The kinds of organisation (DOMAIN.md, "Who acts"); routing rules can target a kind.</summary>
public static class OrganisationKinds
{
    public const string National = "national";

    public static readonly string[] All =
    [
        "contact-point", "victim-centre", "child-protection", "guardianship", "shelter", "police", "inspection", "rapporteur", "other",
    ];

    /// <summary>Splits a comma-separated list column into its codes.</summary>
    public static IReadOnlyList<string> Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
