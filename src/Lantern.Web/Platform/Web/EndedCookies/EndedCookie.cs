namespace Lantern.Web.Platform.Web.EndedCookies;

/// <summary>
/// A self-contained cookie (e.g. the receipt hand-off) ended before its expiry: the SHA-256 of its random id, kept
/// until the cookie would have expired anyway. In the database, so that a copy of the cookie is refused by every node.
/// </summary>
public sealed class EndedCookie
{
    public required byte[] IdHash { get; set; }

    public DateTime ExpiresAt { get; set; }
}
