namespace Lantern.Web.Accounts;

/// <summary>A new enrolment: the one-time token of its link, and how many personal access tokens it revoked.</summary>
public sealed record EnrolmentReset(string EnrolmentToken, int TokensRevoked);
