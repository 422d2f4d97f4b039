using Lantern.Web.Core.Staff;

namespace Lantern.Web.Accounts.SignIn;

/// <summary>What the enrolment page shows: the authenticator key as text and as a QR code.</summary>
public sealed record EnrolmentStart(StaffUser User, string Key, string QrSvg);
