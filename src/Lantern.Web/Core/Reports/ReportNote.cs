namespace Lantern.Web.Core.Reports;

/// <summary>An internal note of the central team, decrypted.</summary>
public sealed record ReportNote(int Sequence, DateTime CreatedAt, string? Author, string Text);
