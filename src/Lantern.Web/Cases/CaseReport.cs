namespace Lantern.Web.Cases;

/// <summary>One report of a case, as a list shows it.</summary>
public sealed record CaseReport(
    string Reference, DateTime ReceivedAt, string Status, int UrgencyLevel, bool? ImmediateDanger, bool? MinorsInvolved,
    string? Region, string Role, IReadOnlyList<string> Forms, string? AssignedTo);
