using Lantern.Web.FollowUp.Thread;

namespace Lantern.Web.FollowUp.Staff;

/// <summary>A message as the team sees it: the author's e-mail address for the team's own, null for the reporter's.</summary>
public sealed record StaffThreadMessage(long Id, DateTime CreatedAt, bool FromReporter, string? Author, string Text, IReadOnlyList<ThreadFile> Files);
