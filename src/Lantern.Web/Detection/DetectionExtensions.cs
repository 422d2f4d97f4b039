namespace Lantern.Web.Detection;

public static class DetectionExtensions
{
    public static IServiceCollection AddDetection(this IServiceCollection services)
    {
        services.AddSingleton<EntityIndexer>();
        services.AddSingleton<IReportSubmissionContributor, IndexEntitiesOnSubmission>();
        return services;
    }
}
