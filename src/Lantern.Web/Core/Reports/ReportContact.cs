namespace Lantern.Web.Core.Reports;

/// <summary>How the reporter may safely be contacted back.</summary>
public sealed class ReportContact
{
    /// <summary><c>phone</c>, <c>sms</c> or <c>email</c>.</summary>
    public string? Channel { get; set; }

    /// <summary>The phone number or e-mail address.</summary>
    public string? Address { get; set; }

    /// <summary>When it is safe to contact them.</summary>
    public string? SafeTimes { get; set; }

    public bool? MayLeaveMessage { get; set; }

    /// <summary>A word the team says first so the reporter knows the call is genuine.</summary>
    public string? CodeWord { get; set; }
}
