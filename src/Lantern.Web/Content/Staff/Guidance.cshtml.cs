using Lantern.Web.Content.Guidance;
using Lantern.Web.Platform.Web.Layout;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Content.Staff;

/// <summary>
/// Restricted guidance for professionals and staff: an index, and one page per form of exploitation, each in
/// every language that has the text (a professional may need to read it in another language than the screen's).
/// </summary>
[Authorize(Policy = Permissions.ReadGuidance)]
public sealed class GuidanceModel(GuidanceLibrary library, LanguageSettings languages) : PageModel
{
    [FromRoute]
    public string? Language { get; set; }

    [FromRoute]
    public string? Code { get; set; }

    public IReadOnlyList<GuidanceEntry> Entries { get; private set; } = [];

    public GuidancePage? Current { get; private set; }

    /// <summary>The languages this text exists in, for the links to the same page in another language.</summary>
    public IReadOnlyList<string> Languages { get; private set; } = [];

    public string ShownLanguage { get; private set; } = TextCatalogue.Fallback;

    public IActionResult OnGet()
    {
        ShownLanguage = Language ?? languages.Choose(Request.Headers.AcceptLanguage);
        if (Language is not null && !library.Languages.Contains(Language))
        {
            return NotFound();
        }

        Languages = [.. languages.Enabled.Where(library.Languages.Contains)];
        Entries = library.List(ShownLanguage);
        if (Code is null)
        {
            return Page();
        }

        Current = library.Find(ShownLanguage, Code);
        return Current is null ? NotFound() : Page();
    }

    public static string Link(string language, string? code) => code is null ? $"/staff/guidance/{language}" : $"/staff/guidance/{language}/{code}";

    public static string NativeName(LanguageSettings languages, string language) =>
        languages.NativeNames.TryGetValue(language, out var name) ? name : language;

    public static string Direction(string language) => LanguageSettings.IsRightToLeft(language) ? "rtl" : "ltr";

    public static string CurrentUiLanguage => PageLanguage.Current;
}
