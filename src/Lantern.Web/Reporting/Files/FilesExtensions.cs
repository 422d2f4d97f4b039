using Lantern.Web.Reporting.Files.Api;

namespace Lantern.Web.Reporting.Files;

public static class FilesExtensions
{
    public static IServiceCollection AddFiles(this IServiceCollection services)
    {
        services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImageRenditions>();
        services.AddSingleton<ReportFileStore>();
        services.AddScoped<StaffFiles>();
        services.AddSingleton<SubmissionFiles>();
        services.AddHostedService<IncompleteFileSweep>();
        return services;
    }

    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder endpoints) => endpoints.MapReportFilesApi();
}
