namespace Lantern.BrowserTests.Infrastructure;

/// <summary>
/// The test environment agreed for .ci/run and every test project (TESTING.md): what is missing is a skip with
/// a reason on a developer's machine, and a failure in full mode, so CI can never pass without running everything.
/// </summary>
public static class TestEnvironment
{
    public const string DefaultChromium = "/usr/bin/chromium";

    public static bool FullMode => Environment.GetEnvironmentVariable("LANTERN_TEST_FULL") == "1";

    /// <summary>The Chromium to drive, or why there is none.</summary>
    public static (string? Path, string? Missing) Chromium()
    {
        var configured = Environment.GetEnvironmentVariable("LANTERN_TEST_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? (configured, null)
                : (null, $"LANTERN_TEST_CHROMIUM is '{configured}', which does not exist.");
        }

        return File.Exists(DefaultChromium)
            ? (DefaultChromium, null)
            : (null, $"Chromium not found: set LANTERN_TEST_CHROMIUM or install it at {DefaultChromium}.");
    }

    /// <summary>Skips the current test, or fails it in full mode.</summary>
    public static void Unavailable(string reason)
    {
        if (FullMode)
        {
            Assert.Fail($"{reason} LANTERN_TEST_FULL=1, so this is a failure rather than a skip.");
        }

        Assert.Skip(reason);
    }
}
