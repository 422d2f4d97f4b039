using Lantern.Web.Core.Catalogue;
using Lantern.Web.Core.Staff;
using Lantern.Web.Platform.Web.Escape;
using Lantern.Web.Reporting.Api;
using Lantern.Web.Reporting.Intake;
using Lantern.Web.Reporting.Questionnaire;
using Lantern.Web.Reporting.Staff;

namespace Lantern.Web.Reporting;

public static class ReportingExtensions
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddSingleton<ReportingCatalogue>();
        services.AddSingleton(new ReportPagePanel("/Reporting/Staff/_ReportAnswers.cshtml", Order: 20));
        services.AddSingleton<ISeeder, CatalogueSeeder>();
        services.AddScoped<SubmitReport>();
        services.AddSingleton<ReportWriter>();
        services.AddSingleton<DraftProtector>();
        services.AddScoped<SentReportCookie>();
        services.AddScoped<IVisitTrace>(provider => provider.GetRequiredService<SentReportCookie>());

        // Staff intake: phone calls and professionals' registrations
        services.AddScoped<RecordReport>();
        services.AddSingleton<RecordedReceiptCookie>();
        services.AddScoped<IVisitTrace>(provider => provider.GetRequiredService<RecordedReceiptCookie>());
        return services;
    }

    public static IEndpointRouteBuilder MapReporting(this IEndpointRouteBuilder endpoints) => endpoints.MapReportsApi();
}
