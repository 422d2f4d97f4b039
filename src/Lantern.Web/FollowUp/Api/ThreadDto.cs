namespace Lantern.Web.FollowUp.Api;

/// <summary>The reporter's thread: status in plain words (received, handling, referred, closed) and messages, the acknowledgement first.</summary>
public sealed record ThreadDto(string Reference, DateTime ReceivedAt, string Status, string StatusText, bool ContactRequested, IReadOnlyList<ThreadMessageDto> Messages);
