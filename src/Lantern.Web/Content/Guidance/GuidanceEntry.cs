namespace Lantern.Web.Content.Guidance;

/// <summary>An entry of the guidance index: a page's code and its title in the language asked for.</summary>
public sealed record GuidanceEntry(string Code, string Title);
