using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Retention;

/// <summary>Lantern on SQLite with the retention rules of <see cref="RetentionSettings"/>.</summary>
public sealed class SqliteRetentionFactory : SqliteLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => RetentionSettings.Values;
}
