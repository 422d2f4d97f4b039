namespace Lantern.Web.Statistics.Publication;

/// <summary>
/// A published table: its stable id (part of the open data address), the field its rows are (and its columns, for a
/// table of two dimensions), and its title's text key, and what it counts (in English, for the open data schema). Never more than two dimensions: the type has room for no third.
/// </summary>
public sealed record PublicTableDefinition(string Id, string RowField, string? ColumnField, string TitleKey, string Description)
{
    public static readonly PublicTableDefinition Total = new("total", "measure", null, "stats.public.table.total", "Reports received in the period.");
    public static readonly PublicTableDefinition ByMonth = new("by-month", "month", null, "stats.public.table.month", "Reports received, by month of receipt (yyyy-MM).");
    public static readonly PublicTableDefinition ByForm = new("by-form", "form", null, "stats.table.form", "Reports by form of exploitation the report points to (a report pointing to two forms counts for each): begging, criminality, labour, organs, sexual, smuggling, unknown.");
    public static readonly PublicTableDefinition ByRegion = new("by-region", "region", null, "stats.table.region", "Reports by region of the place concerned (codes of the contact point's postcode ranges, never finer than a province); unknown: no postcode given; other: outside the configured regions.");
    public static readonly PublicTableDefinition ByChannel = new("by-channel", "channel", null, "stats.table.channel", "Reports by channel: web, api, phone, professional.");
    public static readonly PublicTableDefinition ByRole = new("by-role", "role", null, "stats.table.role", "Reports by who reported: victim, witness, professional.");
    public static readonly PublicTableDefinition ByLanguage = new("by-language", "language", null, "stats.table.language", "Reports by the reporter's language (ISO 639-1 code, or other).");
    public static readonly PublicTableDefinition DangerByMinors = new("danger-by-minors", "immediate_danger", "minors_involved", "stats.table.danger_minors", "Reports by whether someone was said to be in immediate danger (yes, no, unknown) and whether minors are involved (yes, no, unknown).");
    public static readonly PublicTableDefinition EurostatFormByAge = new("eurostat-form-by-age", "eurostat_form", "minors_involved", "stats.rapporteur.table", "Reports by Eurostat's form of exploitation (sexual, labour, other, not-known) and whether minors are involved (yes, no, unknown); a report pointing to forms of two categories counts for each.");

    /// <summary>Every published table, in the order of the page and the data package.</summary>
    public static readonly PublicTableDefinition[] All = [Total, ByMonth, ByForm, ByRegion, ByChannel, ByRole, ByLanguage, DangerByMinors, EurostatFormByAge];

    public static PublicTableDefinition? Find(string id) => All.FirstOrDefault(t => t.Id == id);
}
