namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>The environment agreed for every test run (see the brief and .ci/run).</summary>
public static class TestEnvironment
{
    /// <summary>An admin connection string to a running PostgreSQL, or null.</summary>
    public static string? PostgresAdmin => Environment.GetEnvironmentVariable("LANTERN_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>In full mode, a missing PostgreSQL or Chromium is a failure, not a skip.</summary>
    public static bool FullMode => Environment.GetEnvironmentVariable("LANTERN_TEST_FULL") == "1";
}
