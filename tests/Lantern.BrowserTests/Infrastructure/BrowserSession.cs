using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Lantern.BrowserTests.Infrastructure;

/// <summary>
/// A browser context on Lantern with one page, guarded so that any request to another origin is blocked and
/// recorded: a public page that loads anything from elsewhere leaks the visit to a third party (SECURITY.md).
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    private readonly IBrowser _browser;
    private readonly BrowserNewContextOptions _options;
    private readonly IBrowserContext _context;
    private readonly string _origin;
    private readonly ConcurrentQueue<string> _foreignRequests = new();
    private readonly ConcurrentDictionary<string, bool> _allowed = new(StringComparer.Ordinal);
    private IResponse? _document;
    private IBrowserContext? _inspector;
    private IPage? _replay;
    private string _replayUrl = string.Empty;
    private string _replayHtml = string.Empty;

    private BrowserSession(IBrowser browser, BrowserNewContextOptions options, IBrowserContext context, IPage page, Uri origin)
    {
        _browser = browser;
        _options = options;
        _context = context;
        Page = page;
        _origin = origin.GetLeftPart(UriPartial.Authority);
    }

    public IPage Page { get; }

    public bool JavaScript => _options.JavaScriptEnabled ?? true;

    /// <summary>The response that produced the page now shown (after any redirect).</summary>
    public IResponse? Document => _document;

    /// <summary>Every request to another origin the pages tried to make (blocked before reaching the network).</summary>
    public IReadOnlyCollection<string> ForeignRequests => _foreignRequests;

    internal static async Task<BrowserSession> StartAsync(IBrowser browser, BrowserNewContextOptions options, Uri origin)
    {
        var context = await browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(browser, options, context, page, origin);
        context.Request += (_, request) => session.Record(request.Url);
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                session._document = response;
            }
        };

        // Nothing leaves the machine: other origins are aborted here unless a test fulfils them itself (page routes win).
        await context.RouteAsync(url => !session.IsSameOrigin(url), route => route.AbortAsync("blockedbyclient"));
        return session;
    }

    /// <summary>
    /// Lets the page navigate to <paramref name="url"/> (e.g. the escape URL) and answers it with a blank page
    /// from here instead of the real site. Returns a task that completes when the browser asked for it.
    /// </summary>
    public async Task<Task> InterceptAsync(string url)
    {
        _allowed[url] = true;
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Page.RouteAsync(url, async route =>
        {
            requested.TrySetResult();
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "<!doctype html><title>elsewhere</title>" });
        });
        return requested.Task;
    }

    /// <summary>
    /// Clicks something that loads a new page (a link, a form's submit button) and waits until that page has
    /// loaded: a form that posts back to the same address gives no new URL to wait for.
    /// </summary>
    public async Task<IResponse> ClickAndLoadAsync(ILocator target)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            _document = null;
            await target.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Page.Load -= OnLoad;
        }

        return _document ?? throw new InvalidOperationException($"Clicking {target} loaded a page without a response.");
    }

    public void AssertNoForeignRequests()
    {
        var foreign = _foreignRequests.ToArray();
        Assert.True(foreign.Length == 0, $"The page requested other origins than {_origin}:\n  " + string.Join("\n  ", foreign));
    }

    /// <summary>
    /// Runs axe on the page as the visitor sees it. axe is JavaScript, which cannot run in a page whose context
    /// has JavaScript disabled, so such a page is replayed as it is (its HTML, with its stylesheets and images
    /// from the server, &lt;noscript&gt; content shown and every script blocked) in a JavaScript context, and checked there.
    /// </summary>
    public async Task AssertAccessibleAsync()
    {
        if (JavaScript)
        {
            await Accessibility.AssertNoAxeViolationsAsync(Page);
            return;
        }

        _replayUrl = Page.Url.Split('#')[0];
        _replayHtml = NoScriptTag().Replace(await Page.ContentAsync(), string.Empty);
        if (_replay is null)
        {
            _inspector = await _browser.NewContextAsync(new BrowserNewContextOptions(_options) { JavaScriptEnabled = true });
            await _inspector.RouteAsync(address => !IsSameOrigin(address), route => route.AbortAsync("blockedbyclient"));
            _replay = await _inspector.NewPageAsync();
            await _replay.RouteAsync(address => string.Equals(address, _replayUrl, StringComparison.Ordinal), route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "text/html; charset=utf-8",
                Body = _replayHtml,
                Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = "script-src 'none'" },
            }));
        }

        await _replay.GotoAsync(_replayUrl);
        await Accessibility.AssertNoAxeViolationsAsync(_replay);
    }

    public async ValueTask DisposeAsync()
    {
        if (_inspector is not null)
        {
            await _inspector.CloseAsync();
        }

        await _context.CloseAsync();
        await _context.DisposeAsync();
    }

    [GeneratedRegex("</?noscript[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex NoScriptTag();

    private bool IsSameOrigin(string url) =>
        url.StartsWith(_origin + "/", StringComparison.Ordinal) || string.Equals(url, _origin, StringComparison.Ordinal)
        || url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("about:", StringComparison.Ordinal);

    private void Record(string url)
    {
        if (!IsSameOrigin(url) && !_allowed.ContainsKey(url))
        {
            _foreignRequests.Enqueue(url);
        }
    }
}
