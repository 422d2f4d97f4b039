using Lantern.Web.Core.Staff;
using Lantern.Web.Reporting.Files;
using Lantern.Web.Reporting.Files.Staff;
using Lantern.Web.Reporting.Files.Staff.Api;

namespace Lantern.Web.Reporting;

public static class FilesExtensions
{
    /// <summary>Files as the intake and the staff pages handle them (registered here, outside the public folder <c>Reporting/Files</c>); the storage itself is the core's (<c>Core/Files</c>).</summary>
    public static IServiceCollection AddFiles(this IServiceCollection services)
    {
        services.AddScoped<StaffFiles>();
        services.AddSingleton(new ReportPagePanel("/Reporting/Files/Staff/_ReportFiles.cshtml", Order: 30));
        services.AddSingleton<SubmissionFiles>();
        return services;
    }

    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder endpoints) => endpoints.MapReportFilesApi();
}
