namespace Lantern.Web.Platform.Mail;

public static class MailExtensions
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section))
            .Validate(o => o.Port is > 0 and < 65536, "Lantern:Mail:Port must be 1-65535.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.Timeout > TimeSpan.Zero, "Lantern:Mail:PollInterval and Timeout must be positive.")
            .Validate(o => o.RetrySchedule.All(wait => wait > TimeSpan.Zero), "Lantern:Mail:RetrySchedule must hold positive times.")
            .Validate(o => o.Host.Length == 0 || o.FromAddress.Contains('@', StringComparison.Ordinal), "Lantern:Mail:FromAddress is required when Lantern:Mail:Host is set.")
            .ValidateOnStart();
        services.AddSingleton<MailOutboxSignal>();
        services.AddSingleton<SmtpTransport>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
