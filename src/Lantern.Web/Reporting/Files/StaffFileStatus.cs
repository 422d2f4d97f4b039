namespace Lantern.Web.Reporting.Files;

public enum StaffFileStatus
{
    Found,
    NotFound,
    Forbidden,
}
