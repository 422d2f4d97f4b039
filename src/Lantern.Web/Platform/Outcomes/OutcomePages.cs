using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Platform.Outcomes;

/// <summary>
/// The one way a page answers an <see cref="Outcome"/>: done goes where the page says; not found and forbidden are
/// the status pages (404, 403); a refusal shows the page again with the localised message and 400 or 409.
/// </summary>
public static class OutcomePages
{
    /// <summary>
    /// <c>done</c> answers a done outcome (usually a redirect back); <c>refused</c> shows the page again with the
    /// localised message, the outcome saying the status (<see cref="Outcome.StatusCode"/>) and the key.
    /// </summary>
    public static Task<IActionResult> AnswerAsync(
        this PageModel page, Outcome outcome, IStringLocalizer texts, Func<Task<IActionResult>> done, Func<string, Outcome, Task<IActionResult>> refused) =>
        outcome.Kind switch
        {
            OutcomeKind.Done => done(),
            OutcomeKind.NotFound => Task.FromResult<IActionResult>(page.NotFound()),
            OutcomeKind.Forbidden => Task.FromResult<IActionResult>(page.Forbid()),
            _ => refused(Message(outcome, texts), outcome),
        };

    /// <inheritdoc cref="AnswerAsync(PageModel, Outcome, IStringLocalizer, Func{Task{IActionResult}}, Func{string, Outcome, Task{IActionResult}})"/>
    public static IActionResult Answer(this PageModel page, Outcome outcome, IStringLocalizer texts, Func<IActionResult> done, Func<string, Outcome, IActionResult> refused) =>
        outcome.Kind switch
        {
            OutcomeKind.Done => done(),
            OutcomeKind.NotFound => page.NotFound(),
            OutcomeKind.Forbidden => page.Forbid(),
            _ => refused(Message(outcome, texts), outcome),
        };

    /// <summary>A refusal's message in the page's language.</summary>
    public static string Message(Outcome outcome, IStringLocalizer texts) => texts[outcome.MessageKey!, [.. outcome.Arguments]];
}
