namespace Lantern.Web.FollowUp.Api;

/// <summary>A file sent with a message; <c>url</c> downloads it with the same bearer token (an image as its rendition without metadata).</summary>
public sealed record ThreadFileDto(Guid Id, string Name, string ContentType, long Length, string Url);
