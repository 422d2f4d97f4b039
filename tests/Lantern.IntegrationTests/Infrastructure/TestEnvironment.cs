namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>The environment agreed for every test run (see the brief and .ci/run).</summary>
public static class TestEnvironment
{
    /// <summary>An admin connection string to a running PostgreSQL, or null.</summary>
    public static string? PostgresAdmin => Environment.GetEnvironmentVariable("LANTERN_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>Debian's nginx, for the cluster test (LANTERN_TEST_NGINX, or /usr/sbin/nginx when installed), or null.</summary>
    public static string? Nginx => Environment.GetEnvironmentVariable("LANTERN_TEST_NGINX") is { Length: > 0 } value ? value
        : File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : null;

    /// <summary>In full mode, a missing PostgreSQL or Chromium is a failure, not a skip.</summary>
    public static bool FullMode => Environment.GetEnvironmentVariable("LANTERN_TEST_FULL") == "1";
}
