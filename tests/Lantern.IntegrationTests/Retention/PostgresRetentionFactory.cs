using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Retention;

/// <summary>Lantern on PostgreSQL with the retention rules of <see cref="RetentionSettings"/>.</summary>
public sealed class PostgresRetentionFactory : PostgresLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => RetentionSettings.Values;
}
