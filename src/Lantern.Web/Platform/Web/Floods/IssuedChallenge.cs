namespace Lantern.Web.Platform.Web.Floods;

/// <summary>
/// The answer of <c>GET /api/v1/challenge</c>: the challenge, the leading zero bits its solution needs, until when it
/// may be used, and the header to send the solution in (<c>challenge:counter</c>).
/// </summary>
public sealed record IssuedChallenge(string Challenge, int Difficulty, DateTimeOffset ExpiresAt, string Header);
