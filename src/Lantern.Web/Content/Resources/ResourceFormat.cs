namespace Lantern.Web.Content.Resources;

/// <summary>A file type the library takes: PDF, JPEG, PNG, WebP, MP4 or WebM video.</summary>
public sealed record ResourceFormat(string ContentType, string Extension, bool IsImage, bool IsVideo);
