using System.Net;
using Microsoft.AspNetCore.Html;

namespace Lantern.Web.Platform.Validation;

/// <summary>
/// A back-office form's errors as its fields need them: each field's input id is the error's field, its message
/// paragraph is <c>{field}-error</c>, and <c>aria-describedby</c> joins the field's hint and that paragraph.
/// </summary>
public sealed class FormErrors(IReadOnlyList<FieldError> errors)
{
    public FieldError? For(string field) => errors.FirstOrDefault(e => e.Field == field);

    /// <summary><c>"true"</c> for a field with an error (the value of <c>aria-invalid</c>), else null (no attribute).</summary>
    public string? Invalid(string field) => For(field) is null ? null : "true";

    /// <summary>The ids that describe the field (its hint, its error), or null when none.</summary>
    public string? Described(string field, string? hint = null)
    {
        var ids = new[] { hint, For(field) is null ? null : field + "-error" }.Where(i => i is not null);
        var joined = string.Join(' ', ids);
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>The field's error as a paragraph in the page's language, or nothing.</summary>
    public IHtmlContent Message(IStringLocalizer texts, string field) =>
        For(field) is { } error
            ? new HtmlString($"<p class=\"field-error\" id=\"{field}-error\">{WebUtility.HtmlEncode(texts[error.MessageKey, error.Arguments].Value)}</p>")
            : HtmlString.Empty;
}
