namespace Lantern.Web.FollowUp.Thread;

/// <summary>One message of the thread, decrypted. <see cref="AuthorId"/> is null for the reporter's own.</summary>
public sealed record ThreadMessage(long Id, int Sequence, DateTime CreatedAt, Guid? AuthorId, string Text)
{
    public bool FromReporter => AuthorId is null;
}
