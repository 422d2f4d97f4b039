namespace Lantern.Web.FollowUp.Staff;

/// <summary>A change the reporter made to their contact details (what happened, not the details).</summary>
public sealed record StaffContactChange(DateTime At, string Action);
