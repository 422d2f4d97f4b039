using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Lantern.Web.Reporting.Files;

/// <summary>
/// Lets a form carry the largest file <c>Lantern:Files</c> allows (plus room for the other fields), and no more:
/// the server stops reading a larger request instead of receiving it whole. The store still counts each file.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FileUploadLimitAttribute : Attribute, IResourceFilter, IOrderedFilter
{
    /// <summary>Before model binding reads the form.</summary>
    public int Order => int.MinValue;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var limits = context.HttpContext.RequestServices.GetRequiredService<IOptions<FilesOptions>>().Value;
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = Math.Max(limits.MaxFileBytes, limits.MaxReportBytes) + (1024 * 1024);
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
