namespace Lantern.Web.Core.Staff;

/// <summary>
/// A section a capability adds to the staff report page (its referrals, its answers, its files, the reporter
/// thread): a partial view that takes the <see cref="ReportView"/> and finds the member itself, registered by the
/// capability that owns it and drawn in <see cref="Order"/> after the page's own sections. The page (Triage) knows
/// none of them, so a new capability adds its section without touching Triage, and none reaches into another's
/// folder for it.
/// </summary>
/// <param name="Partial">The partial view's path from the application root, e.g. <c>/Referrals/Staff/_ReportReferrals.cshtml</c>.</param>
/// <param name="Order">Lower first.</param>
public sealed record ReportPagePanel(string Partial, int Order);
