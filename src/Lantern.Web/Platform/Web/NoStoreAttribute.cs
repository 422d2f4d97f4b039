namespace Lantern.Web.Platform.Web;

/// <summary>Marks pages whose content must never be kept by a browser or a proxy (reporting, follow-up).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoStoreAttribute : Attribute, Microsoft.AspNetCore.Mvc.Filters.IResultFilter
{
    public void OnResultExecuting(Microsoft.AspNetCore.Mvc.Filters.ResultExecutingContext context) => NoStore.Apply(context.HttpContext.Response);

    public void OnResultExecuted(Microsoft.AspNetCore.Mvc.Filters.ResultExecutedContext context)
    {
    }
}
