namespace Lantern.Web.Content.SelfCheck;

/// <summary>
/// The answers so far, read from the form (hidden fields for the earlier pages, radio buttons for the current one).
/// They live only in the page: nothing is stored on the server or in a cookie, and the address never holds them.
/// Anything that is not an expected value is ignored, as if the question had not been answered.
/// </summary>
public sealed class SelfCheckAnswers
{
    private readonly Dictionary<string, string> _answers = new(StringComparer.Ordinal);

    public static SelfCheckAnswers From(IFormCollection form)
    {
        var answers = new SelfCheckAnswers();
        foreach (var page in SelfCheckQuestions.Pages)
        {
            answers.Set(page, form["a." + page].ToString());
        }

        return answers;
    }

    /// <summary>The answer to <paramref name="page"/>, or null when not (validly) answered.</summary>
    public string? Of(string page) => _answers.GetValueOrDefault(page);

    /// <summary>Records <paramref name="value"/> when it is a valid answer to <paramref name="page"/>; returns whether it was.</summary>
    public bool Set(string page, string? value)
    {
        var valid = page == SelfCheckQuestions.Who
            ? value is SelfCheckQuestions.Me or SelfCheckQuestions.Other
            : SelfCheckQuestions.Pages.Contains(page) && SelfCheckQuestions.Answers.Contains(value);
        if (valid)
        {
            _answers[page] = value!;
        }

        return valid;
    }

    public IEnumerable<KeyValuePair<string, string>> All => _answers;

    public bool AboutSomeoneElse => Of(SelfCheckQuestions.Who) == SelfCheckQuestions.Other;

    /// <summary>The catalogue's signs of the questions answered "yes".</summary>
    public IReadOnlyList<string> Signs => SelfCheckQuestions.Signs.Where(q => Of(q.Code) == "yes").Select(q => q.Sign).ToList();

    public bool AnyUnknown => SelfCheckQuestions.Signs.Any(q => Of(q.Code) == "unknown");

    public bool Danger => SelfCheckQuestions.Danger.Any(code => Of(code) == "yes");

    /// <summary>The first page without an answer, or null when every page is answered.</summary>
    public string? FirstUnanswered => SelfCheckQuestions.Pages.FirstOrDefault(page => Of(page) is null);
}
