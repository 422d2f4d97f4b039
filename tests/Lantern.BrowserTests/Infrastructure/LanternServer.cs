using System.Net;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Core.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.BrowserTests.Infrastructure;

/// <summary>
/// Lantern on Kestrel at a free 127.0.0.1 port, so a real browser can reach it: its own data directory
/// (fresh SQLite database and keys), Production settings, and rate limits raised so that a browser clicking
/// through many journeys from one address is not throttled.
/// </summary>
public sealed class LanternServer : WebApplicationFactory<Program>
{
    /// <summary>Where the escape button is configured to go. Tests intercept it: no real network is used.</summary>
    public const string EscapeUrl = "https://escape.test/weather";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lantern-browser-" + Guid.NewGuid().ToString("N"));
    private readonly LanternServer? _backOffice;

    public LanternServer()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    private LanternServer(LanternServer backOffice)
        : this()
    {
        _backOffice = backOffice;
    }

    /// <summary>
    /// The public deployment of docs/OPERATIONS.md beside <paramref name="backOffice"/>: an intake-only process
    /// (<c>Lantern:Role=Intake</c>) on the same database, holding copies of <c>keys/staff/*.pub</c>,
    /// <c>keys/staff/current</c>, <c>keys/index.key</c>, <c>keys/receipt-pepper.key</c> and <c>keys/data-protection.key</c>
    /// (which opens the shared data-protection key ring in the database) and no private key.
    /// </summary>
    public static LanternServer IntakeOnlyBeside(LanternServer backOffice)
    {
        var intake = new LanternServer(backOffice);
        var from = Path.Combine(backOffice.DataDirectory, "keys");
        var to = Path.Combine(intake.DataDirectory, "keys");
        Directory.CreateDirectory(Path.Combine(to, "staff"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(from, "staff"), "*.pub").Append(Path.Combine(from, "staff", "current")))
        {
            File.Copy(file, Path.Combine(to, "staff", Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(from, "index.key"), Path.Combine(to, "index.key"));
        File.Copy(Path.Combine(from, "receipt-pepper.key"), Path.Combine(to, "receipt-pepper.key"));
        File.Copy(Path.Combine(from, "data-protection.key"), Path.Combine(to, "data-protection.key"));
        return intake;
    }

    /// <summary>The origin the browser talks to, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Origin { get; private set; } = null!;

    public string DataDirectory => _dataDirectory;

    public void Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Origin = new Uri(address);
    }

    /// <summary>The report stored under <paramref name="reference"/>, with its forms and signs.</summary>
    public async Task<Report> FindReportAsync(string reference)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.Reports.AsNoTracking().Include(r => r.Forms).Include(r => r.Signs)
            .SingleAsync(r => r.Reference == reference, TestContext.Current.CancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Lantern:DataDirectory", _dataDirectory);
        builder.UseSetting("Lantern:Database:Provider", "Sqlite");
        builder.UseSetting("Lantern:EscapeUrl", EscapeUrl);
        builder.UseSetting("Lantern:RateLimits:IntakePerClientPerMinute", "10000");
        builder.UseSetting("Lantern:RateLimits:RequestsPerClientPerMinute", "100000");

        // Journeys without JavaScript press "send" at machine speed: the challenge is accepted unsolved at once here
        // (with JavaScript, pow.js still solves it first); FloodJourneyTests checks the solver.
        builder.UseSetting("Lantern:Flood:NoScriptWaitSeconds", "0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (_backOffice is not null)
        {
            builder.UseSetting("Lantern:Role", "Intake");
            builder.UseSetting("ConnectionStrings:Lantern", "Data Source=" + Path.Combine(_backOffice.DataDirectory, "lantern.db"));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
