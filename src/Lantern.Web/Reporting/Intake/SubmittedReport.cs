using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Reporting.Intake;

/// <summary>What the reporter is given once the report is stored. The receipt exists only here.</summary>
public sealed record SubmittedReport(string Reference, Receipt Receipt);
