namespace Lantern.Web.Cases;

/// <summary>A case and the reports in it that the member may see, by their coded fields only (nothing is decrypted).</summary>
public sealed record CaseView(string Reference, DateTime CreatedAt, string? CreatedBy, IReadOnlyList<CaseReport> Reports);
