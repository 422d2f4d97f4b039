using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Reporting.Staff;

/// <summary>A receipt handed from the staff intake form to the page that shows it (Post/Redirect/Get).</summary>
public sealed record RecordedReceipt(string Reference, Receipt Receipt, string Channel);
