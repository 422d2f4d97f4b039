using Microsoft.EntityFrameworkCore.Design;

namespace Lantern.Web.Core.Persistence;

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLanternDbContext>
{
    public PostgresLanternDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLanternDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
