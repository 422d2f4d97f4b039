using Microsoft.AspNetCore.Hosting;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>Lantern on SQLite: the database file lantern.db in the fresh data directory.</summary>
public class SqliteLanternFactory : LanternFactory
{
    public override DatabaseKind Database => DatabaseKind.Sqlite;

    protected override void ConfigureDatabase(IWebHostBuilder builder) => builder.UseSetting("Lantern:Database:Provider", "Sqlite");
}
