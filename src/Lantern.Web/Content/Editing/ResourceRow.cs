namespace Lantern.Web.Content.Editing;

/// <summary>A resource in the editors' list, with its total of downloads.</summary>
public sealed record ResourceRow(Guid Id, string Title, string Language, string Category, string FileName, long Length, DateTime CreatedAt, long Downloads);
