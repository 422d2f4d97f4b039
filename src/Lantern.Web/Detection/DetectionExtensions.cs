namespace Lantern.Web.Detection;

public static class DetectionExtensions
{
    public static IServiceCollection AddDetection(this IServiceCollection services)
    {
        services.AddSingleton<EntityNormaliser>();
        services.AddSingleton<EntityIndexer>();
        return services;
    }
}
