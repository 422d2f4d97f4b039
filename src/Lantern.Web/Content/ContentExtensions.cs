using Lantern.Web.Content.Guidance;

namespace Lantern.Web.Content;

public static class ContentExtensions
{
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        // Renders every guidance text once: a singleton keeps the HTML for the life of the process.
        services.AddSingleton<GuidanceLibrary>();
        return services;
    }
}
