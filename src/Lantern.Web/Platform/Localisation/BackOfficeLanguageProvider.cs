using Microsoft.AspNetCore.Localization;

namespace Lantern.Web.Platform.Localisation;

/// <summary>
/// The language of a back-office page (<c>/staff/...</c>), from Accept-Language but among the languages the back office
/// is written in (<see cref="LanguageSettings.BackOffice"/>): the public site speaks 24 languages, the back office the
/// complete ones, so a member whose browser asks for Arabic gets a staff page in the best complete language rather
/// than one labelled Arabic that reads English.
/// </summary>
public sealed class BackOfficeLanguageProvider(LanguageSettings languages) : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        AddressLanguageProvider.AddressOf(httpContext).StartsWithSegments("/staff", StringComparison.Ordinal)
            ? Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(languages.ChooseBackOffice(httpContext.Request.Headers.AcceptLanguage)))
            : NullProviderCultureResult;
}
