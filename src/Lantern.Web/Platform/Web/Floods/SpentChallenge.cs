namespace Lantern.Web.Platform.Web.Floods;

/// <summary>
/// A challenge already used for a submission: its random nonce (nothing about the sender), kept until the challenge
/// expires anyway. In the database, so that a copy of a solved challenge is refused by every node.
/// </summary>
public sealed class SpentChallenge
{
    public required byte[] Nonce { get; set; }

    public DateTime ExpiresAt { get; set; }
}
