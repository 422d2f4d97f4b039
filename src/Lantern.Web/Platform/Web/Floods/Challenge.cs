namespace Lantern.Web.Platform.Web.Floods;

/// <summary>
/// A challenge as read back from its token (<see cref="ProofOfWork"/>): the random nonce that makes it unique, when it
/// was issued (whole seconds) and how many leading zero bits its solution needs.
/// </summary>
public sealed record Challenge(string Token, byte[] Nonce, DateTimeOffset IssuedAt, int Difficulty);
