namespace Lantern.Web.Platform.Persistence;

/// <summary>
/// Every time Lantern stores is UTC, but SQLite (and PostgreSQL's <c>timestamp</c> columns) hand it back without a
/// kind, which would serialise without its <c>Z</c> and compare wrongly with a UTC clock. One convention marks every
/// <see cref="DateTime"/> read from the database as UTC, instead of each reader calling <c>DateTime.SpecifyKind</c>.
/// The store type does not change (no migration): only the value read is marked.
/// </summary>
public static class UtcDateTimeConvention
{
    /// <summary>Applied once, from the database context (<c>LanternDbContext</c>)'s <c>ConfigureConventions</c>.</summary>
    public static ModelConfigurationBuilder ReadDateTimesAsUtc(this ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        return builder;
    }

    /// <summary>A time read outside EF (a raw data reader), marked as the convention marks the rest.</summary>
    public static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
