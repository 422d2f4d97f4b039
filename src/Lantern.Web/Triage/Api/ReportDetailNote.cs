namespace Lantern.Web.Triage.Api;

/// <summary>An internal note: when, by whom (e-mail address), what.</summary>
public sealed record ReportDetailNote(DateTime CreatedAt, string? Author, string Text);
