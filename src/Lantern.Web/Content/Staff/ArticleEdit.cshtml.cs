using Lantern.Web.Content.Articles;
using Lantern.Web.Content.Editing;
using Lantern.Web.Content.Rendering;
using Lantern.Web.Platform;
using Lantern.Web.Platform.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Content.Staff;

/// <summary>
/// One page in one language for its editor: the text in Markdown with a preview (rendered as the public will see it,
/// nothing saved), saving as a new version, the versions with who saved them and when, publishing one, unpublishing.
/// A new page or translation starts here too (optionally from another language's text: <c>?copy=en</c>).
/// </summary>
[Authorize(Policy = Permissions.ManageContent)]
public sealed class ArticleEditModel(ArticleHistory history, ArticleEditor editor, LanguageSettings languages, IOptions<SiteOptions> site, IStringLocalizer<TextCatalogue> texts)
    : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromRoute]
    public string Language { get; set; } = string.Empty;

    [FromQuery(Name = "copy")]
    public string? CopyFrom { get; set; }

    [FromQuery(Name = "saved")]
    public int? Saved { get; set; }

    [FromQuery(Name = "published")]
    public int? Published { get; set; }

    [BindProperty]
    public ArticleInput Input { get; set; } = new();

    public ArticleDraft Draft { get; private set; } = null!;

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>The message of a refusal that is about no one field (a conflict).</summary>
    public string? Refusal { get; private set; }

    public string? PreviewHtml { get; private set; }

    public string Direction => LanguageSettings.IsRightToLeft(Language) ? "rtl" : "ltr";

    public IReadOnlyList<string> Languages => languages.Enabled;


    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!IsKnownPage())
        {
            return NotFound();
        }

        Draft = await history.LoadAsync(Slug, Language, CopyFrom, cancellationToken);
        Input = Draft.Input;
        return Page();
    }

    /// <summary>The form's two buttons: <c>act=preview</c> shows the text as the public would see it; anything else saves.</summary>
    public Task<IActionResult> OnPostAsync(string? act, CancellationToken cancellationToken)
    {
        if (ModelState.GetFieldValidationState("Input.Position") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            // Not a number: an out-of-range value makes the form report the field instead of saving the default.
            Input.Position = -1;
        }

        return act == "preview" ? PreviewAsync(cancellationToken) : SaveAsync(cancellationToken);
    }

    private async Task<IActionResult> PreviewAsync(CancellationToken cancellationToken)
    {
        if (!IsKnownPage())
        {
            return NotFound();
        }

        Errors = Input.Validate();
        if (Errors.Count == 0)
        {
            PreviewHtml = SiteTokens.Expand(SafeMarkdown.ToHtml(Input.Body!), site.Value);
        }

        return await ShowAgainAsync(Errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(CancellationToken cancellationToken)
    {
        if (!IsKnownPage())
        {
            return NotFound();
        }

        Errors = Input.Validate();
        if (Errors.Count > 0)
        {
            return await ShowAgainAsync(StatusCodes.Status400BadRequest, cancellationToken);
        }

        var saved = await editor.SaveVersionAsync(StaffMember.Of(HttpContext), Slug, Language, Input, cancellationToken);
        return await this.AnswerAsync(
            saved.Result,
            texts,
            () => Task.FromResult<IActionResult>(Redirect($"/staff/content/{Slug}/{Language}?saved={saved.Value}")),
            (message, outcome) => RefusedAsync(message, outcome, cancellationToken));
    }

    public async Task<IActionResult> OnPostPublishAsync(int number, CancellationToken cancellationToken)
    {
        if (!IsKnownPage())
        {
            return NotFound();
        }

        var published = await editor.PublishAsync(StaffMember.Of(HttpContext), Slug, Language, number, cancellationToken);
        return await this.AnswerAsync(
            published,
            texts,
            () => Task.FromResult<IActionResult>(Redirect($"/staff/content/{Slug}/{Language}?published={number}")),
            (message, outcome) => RefusedAsync(message, outcome, cancellationToken));
    }

    public async Task<IActionResult> OnPostUnpublishAsync(CancellationToken cancellationToken)
    {
        if (!IsKnownPage())
        {
            return NotFound();
        }

        var unpublished = await editor.UnpublishAsync(StaffMember.Of(HttpContext), Slug, Language, cancellationToken);
        return await this.AnswerAsync(
            unpublished,
            texts,
            () => Task.FromResult<IActionResult>(Redirect($"/staff/content/{Slug}/{Language}")),
            (message, outcome) => RefusedAsync(message, outcome, cancellationToken));
    }

    private bool IsKnownPage() => ArticleSlugs.Normalise(Slug) == Slug && languages.IsEnabled(Language);

    private async Task<IActionResult> RefusedAsync(string message, Outcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Field is { } field)
        {
            Errors = [new FieldError(field, outcome.MessageKey!, [.. outcome.Arguments])];
        }
        else
        {
            Refusal = message;
        }

        return await ShowAgainAsync(outcome.StatusCode, cancellationToken);
    }

    // The history is read again; the form keeps what the editor typed.
    private async Task<IActionResult> ShowAgainAsync(int status, CancellationToken cancellationToken)
    {
        Draft = await history.LoadAsync(Slug, Language, copyFrom: null, cancellationToken);
        Response.StatusCode = status;
        return Page();
    }
}
