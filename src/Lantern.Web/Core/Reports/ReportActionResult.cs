namespace Lantern.Web.Core.Reports;

/// <summary>The result of an action and, when refused, the catalogue key of the message and its arguments.</summary>
public sealed record ReportActionResult(ReportActionStatus Status, string? MessageKey = null, params object[] Arguments)
{
    public static ReportActionResult Ok() => new(ReportActionStatus.Done);

    public static ReportActionResult NotFound() => new(ReportActionStatus.NotFound);

    public static ReportActionResult Forbidden() => new(ReportActionStatus.Forbidden);

    public static ReportActionResult Invalid(string key, params object[] arguments) => new(ReportActionStatus.Invalid, key, arguments);

    public static ReportActionResult Conflict(string key, params object[] arguments) => new(ReportActionStatus.Conflict, key, arguments);
}
