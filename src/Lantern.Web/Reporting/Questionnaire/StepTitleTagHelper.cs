using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lantern.Web.Reporting.Questionnaire;

/// <summary>
/// <c>&lt;step-title&gt;</c>: a step's question as the page's heading (<c>h1</c>) in the one-step-per-page
/// questionnaire, and as a section heading (<c>h2</c>) where every step is on one page under its own title.
/// </summary>
[HtmlTargetElement("step-title")]
public sealed class StepTitleTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = ViewContext.ViewData.Model is IReportForm { OnePage: true } ? "h2" : "h1";
        output.TagMode = TagMode.StartTagAndEndTag;
    }
}
