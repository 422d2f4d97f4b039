namespace Lantern.Web.Core.Files;

public static class FileStorageExtensions
{
    /// <summary>The report's files: stored encrypted under its data key, inspected, cleaned; used by the intake, the staff pages and the thread.</summary>
    public static IServiceCollection AddFileStorage(this IServiceCollection services)
    {
        services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImageRenditions>();
        services.AddSingleton<ReportFileStore>();
        services.AddHostedService<IncompleteFileSweep>();
        return services;
    }
}
