namespace Lantern.Web.Content.Guidance;

/// <summary>
/// A guidance page ready to show: <see cref="Language"/> is the language it is really in (English when the
/// requested one has no text), so the page can set its <c>lang</c> attribute. <see cref="Html"/> is the body
/// without the title, which the page shows as its own heading.
/// </summary>
public sealed record GuidancePage(string Code, string Language, string Title, string Html);
