namespace Lantern.Web.FollowUp.Thread;

/// <summary>A file sent in the thread as its reader sees it: the name, the checked type, and whether it is an image.</summary>
public sealed record ThreadFile(Guid Id, string Name, string ContentType, long Length, bool IsImage);
