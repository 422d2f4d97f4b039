namespace Lantern.Web.Core.Persistence;

/// <summary>The PostgreSQL flavour: its own migration set lives in Migrations/Postgres.</summary>
public sealed class PostgresLanternDbContext(DbContextOptions<PostgresLanternDbContext> options) : LanternDbContext(options);
