namespace Lantern.Web.Core.Persistence;

/// <summary>The SQLite flavour: its own migration set lives in Migrations/Sqlite.</summary>
public sealed class SqliteLanternDbContext(DbContextOptions<SqliteLanternDbContext> options) : LanternDbContext(options);
