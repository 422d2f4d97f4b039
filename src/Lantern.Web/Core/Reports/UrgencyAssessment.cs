namespace Lantern.Web.Core.Reports;

/// <summary>An urgency level with the answers that produced it, so the inbox can explain it.</summary>
public sealed record UrgencyAssessment(int Level, IReadOnlyList<string> Reasons);
