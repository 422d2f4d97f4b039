using System.Net;
using Lantern.Web.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lantern.IntegrationTests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Lantern in-process over HTTP, with its own fresh data directory (database and keys created anew; the app
/// migrates on start), rate limits raised, environment "Testing", and every log message captured.
/// One instance per test class (a class fixture).
/// </summary>
public abstract class LanternFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The address every simulated visitor connects from (TEST-NET-3): it must never be stored or logged.</summary>
    public static readonly IPAddress ClientAddress = IPAddress.Parse("203.0.113.77");

    private string? _sqliteConnectionString;

    protected LanternFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "lantern-it-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public abstract DatabaseKind Database { get; }

    /// <summary>Where the app keeps its database (SQLite) and its keys.</summary>
    public string DataDirectory { get; }

    /// <summary>Where form uploads are held (encrypted) while their request lasts: inside the data directory, so storage scans see it.</summary>
    public string SpoolDirectory => Path.Combine(DataDirectory, "uploads");

    public LogCapture Logs { get; } = new();

    /// <summary>Why this factory cannot run (its database is not available), or null.</summary>
    public string? SkipReason { get; protected set; }

    /// <summary>
    /// Whether the log capture sees every message down to Trace (the default, so that tests can prove what never
    /// reaches a log), or only what the app's own logging configuration lets through, as any other sink would.
    /// </summary>
    protected virtual bool CapturesEveryLevel => true;

    /// <summary>The environment the app runs in: Testing, unless a test class checks another one's configuration.</summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>Configuration on top of the defaults below, for a test class that needs other settings.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>A service scope of the running app (starting it if needed), to resolve its DbContext, KeyRing...</summary>
    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    /// <summary>Runs a query on the app's own DbContext in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<LanternDbContext, Task<T>> query)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await query(db);
    }

    /// <summary>Stops the app (the data directory stays), so that files can be read after a clean shutdown.</summary>
    public async Task StopAppAsync()
    {
        await base.DisposeAsync();
        ClearSqlitePool();
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (Database == DatabaseKind.Sqlite)
        {
            using var scope = host.Services.CreateScope();
            _sqliteConnectionString = scope.ServiceProvider.GetRequiredService<LanternDbContext>().Database.GetConnectionString();
        }

        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        ClearSqlitePool();
        await DropDatabaseAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Never fail a test run over a temp folder.
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Every stored byte outside the process: the files of the data directory, and for PostgreSQL every column value.</summary>
    public virtual Task<IReadOnlyList<StoredBytes>> ReadStoredDataAsync()
    {
        // A file removed between the listing and its reading (SQLite deletes -shm and -wal when its last connection
        // closes, which a background job's may do at any moment) holds nothing any more: skipped, not a failure.
        var stored = Directory.EnumerateFiles(DataDirectory, "*", SearchOption.AllDirectories)
            .Select(file => (file, bytes: ReadShared(file)))
            .Where(f => f.bytes is not null)
            .Select(f => new StoredBytes(Path.GetRelativePath(DataDirectory, f.file), f.bytes!))
            .ToList();
        return Task.FromResult<IReadOnlyList<StoredBytes>>(stored);
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    protected abstract void ConfigureDatabase(IWebHostBuilder builder);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);

        // UseSetting reaches the configuration Program.cs reads before Build() (it becomes command-line arguments).
        builder.UseSetting("Lantern:DataDirectory", DataDirectory);
        builder.UseSetting("Lantern:Uploads:SpoolDirectory", SpoolDirectory);
        builder.UseSetting("Lantern:RateLimits:IntakePerClientPerMinute", "100000");
        builder.UseSetting("Lantern:RateLimits:RequestsPerClientPerMinute", "100000");
        builder.UseSetting("Lantern:RateLimits:FailedTokensPerClientPerMinute", "1000");
        builder.UseSetting("Lantern:FollowUp:SignInAttemptsPerClient", "1000");

        // Tests walk the questionnaire without JavaScript in milliseconds: the no-JavaScript path accepts the challenge at
        // once here; Reporting/FloodTests checks the wait itself.
        builder.UseSetting("Lantern:Flood:NoScriptWaitSeconds", "0");
        ConfigureDatabase(builder);
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            if (CapturesEveryLevel)
            {
                logging.SetMinimumLevel(LogLevel.Trace);

                // A rule for this provider beats every category rule of appsettings.json: it sees everything.
                logging.AddFilter<LogCapture>(null, LogLevel.Trace);
            }
        });
        builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressStartupFilter>());
    }

    private void ClearSqlitePool()
    {
        if (_sqliteConnectionString is not null)
        {
            // Closing the pooled connections lets SQLite checkpoint the WAL into the database file.
            using var connection = new SqliteConnection(_sqliteConnectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    private static byte[]? ReadShared(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}

/// <summary>A stored thing (a file, a column) and its bytes.</summary>
public sealed record StoredBytes(string Where, byte[] Bytes);
