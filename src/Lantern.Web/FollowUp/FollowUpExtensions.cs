using Lantern.Web.Core.Staff;
using Lantern.Web.FollowUp.Api;
using Lantern.Web.FollowUp.Sessions;
using Lantern.Web.FollowUp.Staff;
using Lantern.Web.FollowUp.Staff.Api;
using Lantern.Web.FollowUp.Thread;
using Lantern.Web.Platform.Web.Escape;

namespace Lantern.Web.FollowUp;

public static class FollowUpExtensions
{
    public static IServiceCollection AddFollowUp(this IServiceCollection services)
    {
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ReporterSessions>();
        services.AddHostedService<ExpiredSessionSweep>();
        services.AddScoped<IReportErasure, ReporterSessionErasure>();
        services.AddSingleton(new ReportPagePanel("/FollowUp/Staff/_Thread.cshtml", Order: 40));
        services.AddScoped<IVisitTrace, FollowUpSessionTrace>();
        services.AddSingleton<SignInLimiter>();
        services.AddScoped<ReceiptSignIn>();
        services.AddScoped<ReportThread>();
        services.AddScoped<ReporterThread>();
        services.AddScoped<ThreadAttachments>();
        services.AddScoped<ReporterChanges>();
        services.AddScoped<StaffThread>();
        return services;
    }

    public static IEndpointRouteBuilder MapFollowUp(this IEndpointRouteBuilder endpoints) => endpoints.MapReporterThreadApi().MapStaffThreadApi();
}
