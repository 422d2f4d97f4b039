namespace Lantern.Web.Core.Access;

/// <summary>What opens a report to a partner: the scope's code (for the audit trail) and whether it shares everything (contact details, files).</summary>
public sealed record ReportGrant(string Scope, bool Full);
