namespace Lantern.Web.Platform.Localisation;

/// <summary>
/// The language an API answer is written in: the best of the browser's or client's Accept-Language among the enabled
/// languages (<see cref="LanguageSettings.Choose"/>). Bound as an endpoint parameter (<see cref="BindAsync"/>), so no
/// handler chooses it again.
/// </summary>
public sealed record RequestLanguage(string Code)
{
    public static ValueTask<RequestLanguage?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<RequestLanguage?>(new(context.RequestServices.GetRequiredService<LanguageSettings>().Choose(context.Request.Headers.AcceptLanguage)));

    public override string ToString() => Code;
}
