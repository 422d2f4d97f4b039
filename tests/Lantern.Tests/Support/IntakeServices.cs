using Lantern.Web.Core;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Detection;
using Lantern.Web.Platform;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Platform.Localisation;
using Lantern.Web.Referrals;
using Lantern.Web.Reporting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Lantern.Tests.Support;

/// <summary>
/// The app's own service registrations over a fresh SQLite database in a temp folder, migrated and seeded
/// by the app's own code, without a web host: enough for the validator and the catalogue it reads.
/// </summary>
public sealed class IntakeServices : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();

    public ServiceProvider Services { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Lantern:DataDirectory"] = _folder.Path,
                ["Lantern:Database:Provider"] = "Sqlite",
                ["Lantern:Languages:Enabled:0"] = "fr",
                ["Lantern:Languages:Enabled:1"] = "nl",
                ["Lantern:Languages:Enabled:2"] = "de",
                ["Lantern:Languages:Enabled:3"] = "en",
                ["Lantern:Languages:Default"] = "en",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = _folder.Path, EnvironmentName = "Testing" });
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<LanternOptions>().Bind(configuration.GetSection(LanternOptions.Section));
        services.AddOptions<KeyOptions>().Bind(configuration.GetSection(KeyOptions.Section));
        services.AddSingleton<DataDirectory>();
        services.AddSingleton<KeyRing>();
        services.AddSingleton<BlindIndex>();
        services.AddCore(configuration);
        services.AddLocalisation(configuration);
        services.AddReporting();
        services.AddDetection();
        services.AddReferrals();
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await Services.PrepareDatabaseAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
