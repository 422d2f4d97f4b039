using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace Lantern.Web.Platform.Localisation;

/// <summary>
/// The language of the address the visitor asked for: its first segment, when that is an enabled language. For a status
/// page (404, 400, 413, 429, 500...), which is rendered at <c>/error/{code}</c> by re-executing the request, that is the
/// address that failed, not the error page's own: without it every status page fell back to Accept-Language or English,
/// and <c>/fr/anything-unknown</c> answered "Page not found" with <c>lang="en"</c>.
/// </summary>
public sealed class AddressLanguageProvider(LanguageSettings languages) : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = LanguageOf(AddressOf(httpContext));
        return languages.IsEnabled(language) ? Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(language)) : NullProviderCultureResult;
    }

    /// <summary>The path the visitor asked for: the failed one while a status page is being rendered for it.</summary>
    public static PathString AddressOf(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } reExecuted ? new PathString(reExecuted)
        : context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } failed ? new PathString(failed)
        : context.Request.Path;

    /// <summary>The first segment of the path, as written (the <c>{lang:lang}</c> constraint is case-sensitive too).</summary>
    private static string? LanguageOf(PathString path)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || value.Length < 2)
        {
            return null;
        }

        var end = value.IndexOf('/', 1);
        return end < 0 ? value[1..] : value[1..end];
    }
}
