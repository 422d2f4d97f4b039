using Lantern.Web.Content.Articles;
using Lantern.Web.Platform.Web.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Lantern.Web.Content.Pages;

/// <summary>
/// The pages the team keeps, published in this language; in a language with none yet, the languages that have some.
/// The same for every visitor, so rendered once (an editor's publishing drops the rendering).
/// </summary>
[OutputCache(PolicyName = SharedPageCache.Policy)]
public sealed class LearnModel(PublishedArticles articles, LanguageSettings languages) : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    public IReadOnlyList<ArticleEntry> Articles { get; private set; } = [];

    /// <summary>Where pages exist when this language has none.</summary>
    public IReadOnlyList<LanguageChoice> Elsewhere { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Articles = await articles.ListAsync(Lang, cancellationToken);
        if (Articles.Count == 0)
        {
            Elsewhere = await ArticleLanguages.ChoicesAsync(articles, languages, slug: null, Lang, cancellationToken);
        }
    }
}
