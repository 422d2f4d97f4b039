namespace Lantern.Web.Core.Persistence;

/// <summary>Reference data a capability needs in every database (inserted when missing, never overwritten).</summary>
public interface ISeeder
{
    Task SeedAsync(LanternDbContext db, CancellationToken cancellationToken);
}
