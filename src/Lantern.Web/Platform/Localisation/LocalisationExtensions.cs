using Microsoft.AspNetCore.Localization;

namespace Lantern.Web.Platform.Localisation;

public static class LocalisationExtensions
{
    public static IServiceCollection AddLocalisation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LanguageOptions>().Bind(configuration.GetSection(LanguageOptions.Section));
        services.AddSingleton<LanguageSettings>();
        services.AddSingleton<TextCatalogue>();
        services.AddSingleton<CatalogueStatus>();
        services.AddSingleton<IStringLocalizerFactory, CatalogueStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.Configure<RouteOptions>(options => options.ConstraintMap["lang"] = typeof(LanguageRouteConstraint));
        services.AddOptions<RequestLocalizationOptions>().Configure<LanguageSettings>((options, languages) =>
        {
            var cultures = languages.Enabled.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(languages.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;

            // The language is in the URL for pages (its first segment, {lang}), also when the page failed and a status page
            // answers for it; the API, the back office and addresses without a language use Accept-Language. Never a
            // cookie (SECURITY.md).
            options.RequestCultureProviders = [new AddressLanguageProvider(languages), new BackOfficeLanguageProvider(languages), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>Sends <c>/</c> to <c>/{language}/</c>, chosen from Accept-Language.</summary>
    public static IEndpointRouteBuilder MapLanguageRedirect(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context, LanguageSettings languages) =>
        {
            context.Response.Headers.Vary = "Accept-Language";
            return Results.Redirect("/" + languages.Choose(context.Request.Headers.AcceptLanguage) + "/");
        }).ExcludeFromDescription();
        return endpoints;
    }

    public static IApplicationBuilder UseLocalisation(this IApplicationBuilder app) =>
        app.UseRequestLocalization(app.ApplicationServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
}
