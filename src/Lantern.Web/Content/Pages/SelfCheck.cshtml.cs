using Lantern.Web.Content.SelfCheck;
using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Content.Pages;

/// <summary>
/// "Does this look like trafficking?": one question per page, without JavaScript, storing nothing (the answers travel in
/// the form, posted, so neither the address nor the history holds them), ending with what the answers suggest, never a
/// verdict, and one button that carries the signs recognised into a new report (still nothing stored until it is sent).
/// </summary>
[NoStore]
public sealed class SelfCheckModel : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    public SelfCheckAnswers Answers { get; private set; } = new();

    /// <summary>The page shown: null for the introduction, a question's code, or <see cref="Result"/>.</summary>
    public string? Current { get; private set; }

    public const string Result = "result";

    public bool HasError { get; private set; }

    public int Number => SelfCheckQuestions.Pages.ToList().IndexOf(Current ?? string.Empty) + 1;

    public static int Count => SelfCheckQuestions.Pages.Count;

    /// <summary>The question's text for the person answering about themselves or about someone else.</summary>
    public string QuestionKey(string page) =>
        page == SelfCheckQuestions.Who ? "selfcheck.who.question" : $"selfcheck.{page}.{(Answers.AboutSomeoneElse ? "other" : "me")}";

    /// <summary>The report path the answers lead to.</summary>
    public string ReportPath => $"/{Lang}/report/{(Answers.AboutSomeoneElse ? "witness" : "victim")}?handler=prefill";

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        Answers = SelfCheckAnswers.From(Request.Form);
        var action = Request.Form["action"].ToString();
        var page = Request.Form["page"].ToString();
        var pages = SelfCheckQuestions.Pages.ToList();
        var index = pages.IndexOf(page);

        if (action == "start" || index < 0)
        {
            Current = pages[0];
            return Page();
        }

        var answered = Answers.Set(page, Request.Form["answer"].ToString());
        if (action == "back")
        {
            Current = index > 0 ? pages[index - 1] : null;
            return Page();
        }

        if (!answered)
        {
            Current = page;
            HasError = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // A page skipped by a tampered form is asked again rather than assumed.
        Current = index + 1 < pages.Count ? pages[index + 1] : Answers.FirstUnanswered ?? Result;
        return Page();
    }
}
