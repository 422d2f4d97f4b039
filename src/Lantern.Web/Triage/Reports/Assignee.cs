namespace Lantern.Web.Triage.Reports;

/// <summary>A staff member a report can be assigned to.</summary>
public sealed record Assignee(Guid Id, string Email);
