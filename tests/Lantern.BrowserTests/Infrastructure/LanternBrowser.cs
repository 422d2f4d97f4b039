using Lantern.Web.Platform.Localisation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lantern.BrowserTests.Infrastructure;

/// <summary>
/// One Lantern server and one headless Chromium for the whole assembly; each test opens its own browser
/// context (no shared cookies or history). Chromium is Debian's (or LANTERN_TEST_CHROMIUM): Playwright's own
/// browser download is never used.
/// </summary>
public sealed class LanternBrowser : IAsyncLifetime
{
    private static readonly string[] _chromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",

        // The neutral site of the escape button never resolves, so a browser sent there by a redirect (which Playwright's
        // routes cannot intercept) fails on the machine itself instead of asking a DNS server.
        "--host-resolver-rules=MAP escape.test ~NOTFOUND",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _missing;

    public LanternServer Server { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Server.Start();

        var (chromium, missing) = TestEnvironment.Chromium();
        if (chromium is null)
        {
            _missing = missing;
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = _chromiumArgs,
        });
    }

    /// <summary>
    /// A fresh, isolated browser session on Lantern; skips the test (fails in full mode) without Chromium. With
    /// <paramref name="viewportWidth"/>, the window is that many CSS pixels wide (320: a small phone, or 1280 at 400% zoom).
    /// </summary>
    public async Task<BrowserSession> OpenAsync(bool javaScript = true, string acceptLanguage = "en", int? viewportWidth = null)
    {
        if (_browser is null)
        {
            TestEnvironment.Unavailable(_missing ?? "Chromium could not be started.");
        }

        var options = ContextOptions(javaScript, acceptLanguage);
        if (viewportWidth is { } width)
        {
            options.ViewportSize = new ViewportSize { Width = width, Height = 720 };
        }

        return await BrowserSession.StartAsync(_browser!, options, Server.Origin);
    }

    /// <summary>A fresh, isolated browser session on another Lantern process (an intake-only one, for instance).</summary>
    public async Task<BrowserSession> OpenOnAsync(LanternServer server, bool javaScript = true, string acceptLanguage = "en")
    {
        if (_browser is null)
        {
            TestEnvironment.Unavailable(_missing ?? "Chromium could not be started.");
        }

        var options = ContextOptions(javaScript, acceptLanguage);
        options.BaseURL = server.Origin.ToString();
        return await BrowserSession.StartAsync(_browser!, options, server.Origin);
    }

    /// <summary>
    /// The text Lantern shows for <paramref name="key"/> in <paramref name="language"/>. Fails when the language
    /// lacks it: Lantern would quietly fall back to English, which is exactly what a journey in French must notice.
    /// </summary>
    public string Text(string language, string key)
    {
        var catalogue = Server.Services.GetRequiredService<TextCatalogue>();
        Assert.True(catalogue.TryGet(language, key, out var text), $"The '{language}' catalogue has no text for '{key}'.");
        return text;
    }

    internal BrowserNewContextOptions ContextOptions(bool javaScript, string acceptLanguage) => new()
    {
        BaseURL = Server.Origin.ToString(),
        JavaScriptEnabled = javaScript,
        Locale = acceptLanguage.Split(',', ';')[0].Trim(),
        ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage },
        ServiceWorkers = ServiceWorkerPolicy.Block,
    };

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
