using Lantern.Web.Core.Staff;
using Lantern.Web.Detection.Api;
using Lantern.Web.Detection.Links;

namespace Lantern.Web.Detection;

public static class DetectionExtensions
{
    public static IServiceCollection AddDetection(this IServiceCollection services)
    {
        services.AddOptions<DetectionOptions>().BindConfiguration(DetectionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ServiceNumberDirectory>();
        services.AddSingleton<EntityIndexer>();
        services.AddSingleton<IReportSubmissionContributor, IndexEntitiesOnSubmission>();
        services.AddScoped<IReportErasure, EntityIndexErasure>();
        services.AddSingleton(new ReportPagePanel("/Detection/Staff/_ReportLinks.cshtml", Order: 15));
        services.AddScoped<IReportDetailPart, EntitiesDetailPart>();
        services.AddScoped<ReportLinks>();
        services.AddScoped<ReportNetwork>();
        services.AddScoped<Hotspots>();
        services.AddScoped<GroupLinkedReports>();
        services.AddScoped<UnlinkEntity>();
        services.AddScoped<Reindex>();
        services.AddHostedService<IndexCatchUp>();
        return services;
    }

    public static IEndpointRouteBuilder MapDetection(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDetectionApi();
        return endpoints;
    }
}
