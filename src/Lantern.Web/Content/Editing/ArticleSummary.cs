namespace Lantern.Web.Content.Editing;

/// <summary>A page in the editors' list: its title in the editor's language (else English, else any), and per language whether it is published.</summary>
public sealed record ArticleSummary(string Slug, string Title, int Position, IReadOnlyDictionary<string, bool> Languages);
