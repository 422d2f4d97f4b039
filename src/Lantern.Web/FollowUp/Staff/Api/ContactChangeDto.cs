namespace Lantern.Web.FollowUp.Staff.Api;

/// <summary>A change the reporter made to their contact details: <c>added</c> or <c>withdrawn</c> (never the details).</summary>
public sealed record ContactChangeDto(DateTime At, string Action);
