using Lantern.Web.Content.Articles;
using Lantern.Web.Content.Campaigns;
using Lantern.Web.Content.Editing;
using Lantern.Web.Content.Guidance;
using Lantern.Web.Content.Resources;

namespace Lantern.Web.Content;

public static class ContentExtensions
{
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        // Renders every guidance text once: a singleton keeps the HTML for the life of the process.
        services.AddSingleton<GuidanceLibrary>();
        services.AddSingleton<ISeeder, ArticleSeeder>();
        services.AddScoped<PublishedArticles>();
        services.AddScoped<RunningCampaigns>();
        services.AddScoped<ArticleHistory>();
        services.AddScoped<ContentOverview>();
        services.AddScoped<ArticleEditor>();
        services.AddScoped<CampaignEditor>();
        services.AddScoped<CampaignList>();
        services.AddScoped<ResourceLibrary>();
        services.AddScoped<ResourceUploader>();
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section)
            .Validate(o => o.MaxResourceMegabytes is > 0 and <= 2048, "Lantern:Content:MaxResourceMegabytes must be between 1 and 2048.").ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapContent(this IEndpointRouteBuilder endpoints) => endpoints.MapResources();
}
