namespace Lantern.Web.Core.Files;

/// <summary>A type Lantern accepts, as found in the content: the content type it is stored and served under.</summary>
public sealed record FileType(string ContentType, string Extension, bool IsImage);
