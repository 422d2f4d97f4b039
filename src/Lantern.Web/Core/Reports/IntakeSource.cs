namespace Lantern.Web.Core.Reports;

/// <summary>
/// How a report came in, and what that channel records beside the content: the public channels (web, API)
/// carry nothing else; a phone call records the operator, the interpreter and the duration; a professional's
/// registration records the member and their organisation.
/// </summary>
public sealed record IntakeSource
{
    private IntakeSource(string channel) => Channel = channel;

    public string Channel { get; }

    /// <summary>The staff member who recorded the report; null when the public sent it.</summary>
    public Guid? RecordedById { get; private init; }

    /// <summary>The organisation under whose name a professional registered the report.</summary>
    public int? OrganisationId { get; private init; }

    public bool? InterpreterUsed { get; private init; }

    public int? CallMinutes { get; private init; }

    /// <summary>A staff member typed the report for someone else: the language is the caller's, not a site language.</summary>
    public bool RecordedByStaff => RecordedById is not null;

    public static IntakeSource Web { get; } = new(ReportCodes.Channels.Web);

    public static IntakeSource Api { get; } = new(ReportCodes.Channels.Api);

    /// <summary>A call the operator recorded; the interpreter and duration are checked by <see cref="ReportValidator"/>.</summary>
    public static IntakeSource PhoneCall(Guid operatorId, bool? interpreterUsed, int? callMinutes) =>
        new(ReportCodes.Channels.Phone) { RecordedById = operatorId, InterpreterUsed = interpreterUsed, CallMinutes = callMinutes };

    public static IntakeSource Professional(Guid memberId, int organisationId) =>
        new(ReportCodes.Channels.Professional) { RecordedById = memberId, OrganisationId = organisationId };
}
