namespace Lantern.Web.FollowUp.Api;

/// <summary>A message of the thread through the API: <c>from</c> is <c>reporter</c> or <c>team</c>, never a name.</summary>
public sealed record ThreadMessageDto(long Id, DateTime CreatedAt, string From, string Text, bool New, IReadOnlyList<ThreadFileDto> Files);
