namespace Lantern.Web.Reporting.Staff;

/// <summary>One report registered under the member's organisation, as the list shows it: no content.</summary>
public sealed record RegisteredReport(string Reference, DateTime ReceivedAt, string Status);
