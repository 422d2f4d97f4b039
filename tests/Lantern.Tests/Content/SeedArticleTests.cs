using System.Text.RegularExpressions;
using Lantern.Web.Content.Articles;

namespace Lantern.Tests.Content;

/// <summary>
/// The pages Lantern ships with (issue 13): each translation keeps the English page's sections and links, names numbers
/// only by the site's tokens, and links only to pages that exist.
/// </summary>
public sealed partial class SeedArticleTests
{
    private static readonly string[] _sitePaths = ["../report/victim", "../report/witness", "../self-check", "../help", "../follow-up"];

    private static readonly IReadOnlyList<SeedArticle> _seeds = [.. ArticleSeeder.Read()];

    public static TheoryData<string, string> Translations =>
        [.. _seeds.Where(s => s.Language != "en").Select(s => (s.Language, s.Slug))];

    [Fact]
    public void English_HasEveryPageOfTheList()
    {
        Assert.Equal(ArticleSeeder.Order.Order(StringComparer.Ordinal), _seeds.Where(s => s.Language == "en").Select(s => s.Slug).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryPage_LinksOnlyToPagesThatExist_AndUsesOnlyTheSitesTokens()
    {
        foreach (var seed in _seeds)
        {
            foreach (var target in Links(seed.Body))
            {
                Assert.True(ArticleSeeder.Order.Contains(target) || _sitePaths.Contains(target), $"{seed.Language}/{seed.Slug} links to '{target}'.");
            }

            foreach (Match token in Token().Matches(seed.Body))
            {
                Assert.Contains(token.Value, (string[])["{{emergency}}", "{{police}}", "{{helpline}}"]);
            }

            Assert.DoesNotContain("<", seed.Body, StringComparison.Ordinal);
            Assert.True(seed.Title.Length <= ArticleVersion.MaxTitleLength && seed.Summary.Length <= ArticleVersion.MaxSummaryLength, $"{seed.Language}/{seed.Slug} is too long.");
        }
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void ATranslation_KeepsTheSectionsLinksAndTokensOfEnglish(string language, string slug)
    {
        var english = _seeds.Single(s => s.Language == "en" && s.Slug == slug);
        var translation = _seeds.Single(s => s.Language == language && s.Slug == slug);

        Assert.Equal(Headings(english.Body), Headings(translation.Body));
        Assert.Equal(Links(english.Body), Links(translation.Body));
        Assert.Equal(Token().Matches(english.Body).Select(m => m.Value).Order(StringComparer.Ordinal), Token().Matches(translation.Body).Select(m => m.Value).Order(StringComparer.Ordinal));
    }

    private static int Headings(string body) => body.Split('\n').Count(l => l.StartsWith('#'));

    private static List<string> Links(string body) => [.. Link().Matches(body).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\]\(([^)\s]*)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex Token();
}
