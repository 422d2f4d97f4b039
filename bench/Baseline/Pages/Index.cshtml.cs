using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Bench.Baseline.Pages;

public sealed class IndexModel : PageModel
{
    private const string Sentence = "Reporting does not require going to the police, and you may stay anonymous. ";

    // Sized once from the environment: the text is built per request, like a real page's model would be.
    private static readonly int _paragraphCount = Math.Max(1, (PageBytes() - 400) / (Sentence.Length * 4 + 8));

    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    public void OnGet()
    {
        var paragraphs = new string[_paragraphCount];
        for (var i = 0; i < paragraphs.Length; i++)
        {
            paragraphs[i] = string.Concat(Enumerable.Repeat(Sentence, 4)).TrimEnd();
        }

        Paragraphs = paragraphs;
    }

    private static int PageBytes() =>
        int.TryParse(Environment.GetEnvironmentVariable("BASELINE_PAGE_BYTES"), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? bytes
            : 6000;
}
