using Lantern.Web.Platform;
using Lantern.Web.Platform.DataProtectionKeys;
using Lantern.Web.Platform.Persistence;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lantern.Web.Core.Persistence;

public static class PersistenceExtensions
{
    /// <summary>Registers <see cref="LanternDbContext"/> on SQLite (default, in the data directory) or PostgreSQL.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString("Lantern");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new OptionsValidationException("ConnectionStrings:Lantern", typeof(DatabaseOptions),
                    ["ConnectionStrings:Lantern must be set when Lantern:Database:Provider is Postgres."]);
            }

            services.AddDbContextPool<LanternDbContext, PostgresLanternDbContext>(options => options.UseNpgsql(connectionString).AddInterceptors(new AuditChainGuard()));
        }
        else
        {
            services.AddSingleton<SqlitePragmas>();
            services.AddDbContextPool<LanternDbContext, SqliteLanternDbContext>((sp, options) =>
                options.UseSqlite(SqliteConnectionString(connectionString, sp.GetRequiredService<DataDirectory>()))
                    .AddInterceptors(sp.GetRequiredService<SqlitePragmas>(), new AuditChainGuard())

                    // SQLite changes a column or a key by rebuilding the table, and EF Core brackets each rebuild with
                    // PRAGMA foreign_keys = 0 / 1, which must run outside a transaction (SQLite ignores it inside one).
                    // EF then warns (20410) that the migration could be left half-applied, at every first start: read
                    // as a failure, never actionable. The pragma is a setting of the connection, not stored; the
                    // rebuild itself runs in the migration's transaction. dotnet/efcore#35871. Our migrations are
                    // generated (scripts/add-migration.sh), never a hand-written Sql(..., suppressTransaction: true).
                    .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning)));
        }

        // Platform's parts that keep rows in the database (the mail outbox) take the context as a plain DbContext.
        services.AddScoped<DbContext>(provider => provider.GetRequiredService<LanternDbContext>());
        return services;
    }

    /// <summary>Applies the migrations of the configured provider, then every capability's seed data.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        await db.Database.MigrateAsync(cancellationToken);

        // The data-protection key ring lives in the database: its key exists before any seeder protects a value.
        // (A container without Data Protection, such as the unit tests' intake services, has no key ring to keep.)
        if (scope.ServiceProvider.GetService<IKeyManager>() is { } keyManager)
        {
            KeyRingUpkeep.EnsureCurrentKey(keyManager, scope.ServiceProvider.GetRequiredService<TimeProvider>());
        }

        foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder>())
        {
            await seeder.SeedAsync(db, cancellationToken);
        }
    }

    private static string SqliteConnectionString(string? configured, DataDirectory dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? string.Empty : configured);
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            builder.DataSource = dataDirectory.DefaultSqlitePath;
        }

        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
