namespace Lantern.Web.Platform.Mail;

public static class MailExtensions
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<MailOutboxSignal>();
        services.AddSingleton<SmtpTransport>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
