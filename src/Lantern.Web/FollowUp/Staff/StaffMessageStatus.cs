namespace Lantern.Web.FollowUp.Staff;

public enum StaffMessageStatus
{
    Sent,
    NotFound,
    Forbidden,
    Invalid,
}
