namespace Lantern.Web.Reporting.Api;

/// <summary>The created report: the reference to talk about it, and the receipt only its author ever sees.</summary>
public sealed record ReportCreated(string Reference, string Receipt);
