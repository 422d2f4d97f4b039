namespace Lantern.Web.Statistics.Figures;

/// <summary>One group of the single GROUP BY over the report's coded columns; the one-dimension counts are folded from these.</summary>
public sealed record CubeRow(string Channel, string Role, string Language, string? Region, bool? ImmediateDanger, bool? MinorsInvolved, long Count);
