namespace Lantern.Web.Core.Files;

/// <summary>An image re-encoded for viewing: pixels only.</summary>
public sealed record Rendition(FileType Type, byte[] Content);
