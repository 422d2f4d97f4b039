using Lantern.Web.Content.Articles;
using Lantern.Web.Content.Campaigns;
using Lantern.Web.Content.Editing;
using Lantern.Web.Content.Guidance;

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
        return services;
    }
}
