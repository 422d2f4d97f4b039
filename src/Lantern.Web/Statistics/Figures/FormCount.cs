namespace Lantern.Web.Statistics.Figures;

/// <summary>Reports that point to one form of exploitation, by whether minors are involved.</summary>
public sealed record FormCount(string Form, bool? MinorsInvolved, long Count);
