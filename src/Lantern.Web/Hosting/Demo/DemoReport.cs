namespace Lantern.Web.Hosting.Demo;

/// <summary>One fictitious report: its content, how it came in, and how long ago.</summary>
public sealed record DemoReport(ReportContent Content, string Channel, int HoursAgo);
