using Microsoft.EntityFrameworkCore.Design;

namespace Lantern.Web.Core.Persistence;

/// <summary>Lets <c>dotnet ef</c> build each flavour without starting the application (scripts/add-migration.sh).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLanternDbContext>
{
    public SqliteLanternDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLanternDbContext>().UseSqlite("Data Source=design.db").Options);
}
