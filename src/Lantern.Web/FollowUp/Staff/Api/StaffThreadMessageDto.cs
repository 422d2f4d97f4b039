using Lantern.Web.FollowUp.Api;

namespace Lantern.Web.FollowUp.Staff.Api;

/// <summary>A message of the thread as the team reads it through the API: <c>from</c> is <c>reporter</c> or <c>team</c>; <c>author</c> the team member's e-mail.</summary>
public sealed record StaffThreadMessageDto(long Id, DateTime CreatedAt, string From, string? Author, string Text, IReadOnlyList<ThreadFileDto> Files);
