using Lantern.Web.Core.Staff;

namespace Lantern.Web.Accounts;

/// <summary>A new account and the one-time token of its enrolment link.</summary>
public sealed record CreatedAccount(StaffUser User, string EnrolmentToken);
