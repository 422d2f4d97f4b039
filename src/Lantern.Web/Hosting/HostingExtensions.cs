using Lantern.Web.Hosting.Demo;
using Lantern.Web.Hosting.Observability;
using Lantern.Web.Platform;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Platform.Observability;
using Lantern.Web.Platform.Web.Floods;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Lantern.Web.Hosting;

/// <summary>The composition root's start-up steps: what only the host, which knows every capability, may do.</summary>
public static class HostingExtensions
{
    /// <summary>The demo content (Development only; see <see cref="DemoContent"/>); the gauges of waiting work when the metrics are on.</summary>
    public static IServiceCollection AddHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DemoContent>();
        if (configuration.GetValue<bool>(MetricsOptions.Section + ":" + nameof(MetricsOptions.Enabled)))
        {
            services.AddHostedService<WaitingWorkGauges>();
        }

        return services;
    }

    /// <summary>
    /// Creates the database and keys on first run, applies migrations and seed data, and in Development the demo
    /// content (not for the command line: a first command must not create a demo account beside real ones).
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.Services.PrepareForCommandsAsync();
        var demo = app.Services.GetRequiredService<DemoContent>();
        await demo.PrepareAsync();
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app, demo.SignIn));
    }

    /// <summary>What the command line needs before a command runs: keys, migrations and seed data, no web server.</summary>
    public static async Task PrepareForCommandsAsync(this IServiceProvider services)
    {
        _ = services.GetRequiredService<KeyRing>();

        // Created at start, not at the first challenge, so that a backup of the keys taken at once holds it.
        _ = services.GetRequiredService<ChallengeKeyFile>().Key.Length;
        await services.PrepareDatabaseAsync();
    }

    private static void PrintWelcome(WebApplication app, DemoSignIn? demo)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var data = app.Services.GetRequiredService<DataDirectory>();
        foreach (var address in addresses)
        {
            Console.WriteLine($"Lantern is running: open {address}/");
        }

        Console.WriteLine($"Data directory: {data.Root}");
        if (demo is not null)
        {
            foreach (var line in demo.Instructions(PlatformExtensions.StaffBaseUrl(app.Configuration, addresses)))
            {
                Console.WriteLine(line);
            }
        }
    }
}
