using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lantern.Web.Reporting.Questionnaire;

/// <summary><c>&lt;field-errors for="location.postcode" /&gt;</c>: the localised messages next to a field, linked from its input by aria-describedby.</summary>
[HtmlTargetElement("field-errors", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorsTagHelper : TagHelper
{
    public string For { get; set; } = string.Empty;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (ViewContext.ViewData.Model is not IReportForm page)
        {
            return;
        }

        var messages = page.ErrorsFor(For).ToList();
        if (messages.Count == 0)
        {
            return;
        }

        output.Content.AppendHtml($"<p class=\"field-error\" id=\"{ReportFormExtensions.IdOf(For)}-error\">");
        output.Content.Append(string.Join(" ", messages));
        output.Content.AppendHtml("</p>");
    }
}
