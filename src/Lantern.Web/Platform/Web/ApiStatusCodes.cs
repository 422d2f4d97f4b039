using Microsoft.AspNetCore.Diagnostics;

namespace Lantern.Web.Platform.Web;

/// <summary>
/// Gives the API's bodiless error answers (404, 405, 413, 415, 429... set by routing or the framework
/// before any handler runs) a localised <c>application/problem+json</c> body.
/// </summary>
public static class ApiStatusCodes
{
    public static async Task WriteProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var texts = http.RequestServices.GetRequiredService<TextCatalogue>();
        var language = http.RequestServices.GetRequiredService<LanguageSettings>().Choose(http.Request.Headers.AcceptLanguage);
        var status = http.Response.StatusCode;
        // A 413 states the limit of the endpoint that refused, when it declares one; otherwise no number at all.
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>();
        var key = status switch
        {
            401 => "api.status.401",
            403 => "api.status.403",
            404 => "api.status.404",
            405 => "api.status.405",
            413 => limit?.MessageKey ?? "api.status.413",
            415 => "api.unsupported_media_type",
            429 => "api.too_many_reports",
            >= 500 => "api.status.500",
            _ => "api.status.400",
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = texts.Get(language, key, limit?.Kilobytes ?? 0) },
        });
    }
}
