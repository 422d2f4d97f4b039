using Lantern.Web.Platform.Web.Layout;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Content.Pages;

/// <summary>
/// The language chooser: every enabled language named in itself, each link leading to the page the visitor came from
/// in that language. A page of its own, linked from every public page's header, so that 24 languages need neither 24
/// links in the header nor JavaScript.
/// </summary>
public sealed class LanguagesModel(LanguageSettings languages) : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    /// <summary>The page to show in the chosen language, without its language segment (<c>help/surya</c>).</summary>
    [FromQuery(Name = "from")]
    public string? From { get; set; }

    public IReadOnlyList<LanguageChoice> Choices { get; private set; } = [];

    public void OnGet() =>
        Choices = languages.Enabled.Select(code => LanguageChoice.Of(languages, code, PageLanguage.PathIn(From, code), Lang)).ToList();
}
