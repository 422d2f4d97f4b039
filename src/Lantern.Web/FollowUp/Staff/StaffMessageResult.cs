namespace Lantern.Web.FollowUp.Staff;

/// <summary>How sending ended; <see cref="MessageId"/> is the stored item (to attach a file to), the key words a refusal.</summary>
public sealed record StaffMessageResult(StaffMessageStatus Status, long? MessageId = null, string? ErrorKey = null, int MaxLength = 0);
