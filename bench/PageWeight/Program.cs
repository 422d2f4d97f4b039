using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

// Weighs each public page: the HTML plus every stylesheet, script, image, icon and font it loads (and what
// those stylesheets load), uncompressed, each resource counted once per page as a browser would fetch it.
// Pages are found by following same-origin links from the start paths (GET only, at most --max-pages).
// Prints one line per page and a last line PAGEWEIGHT pages=N heaviest_bytes=N over_limit=N; exits 1 when
// a page is over the limit or loads anything from another origin.
//
// Usage: PageWeight --base http://127.0.0.1:PORT [--limit-bytes 50000] [--max-pages 80] PATH...
var options = Options.Parse(args);
using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
{
    BaseAddress = options.Base,
    Timeout = TimeSpan.FromSeconds(10),
};
http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

var parser = new HtmlParser();
var queue = new Queue<Uri>(options.StartPaths.Select(p => new Uri(options.Base, p)));
var visited = new HashSet<string>(StringComparer.Ordinal);
var assetCache = new Dictionary<string, (long Bytes, string? Css)>(StringComparer.Ordinal);
var failures = 0;
var overLimit = 0;
long heaviest = 0;
var pages = 0;

while (queue.Count > 0 && pages < options.MaxPages)
{
    var url = queue.Dequeue();
    if (!visited.Add(url.GetLeftPart(UriPartial.Path)))
    {
        continue;
    }

    using var response = await http.GetAsync(url);
    var status = (int)response.StatusCode;
    if (status is >= 300 and < 400 && response.Headers.Location is { } location)
    {
        var target = new Uri(url, location);
        if (SameOrigin(target, options.Base))
        {
            queue.Enqueue(target);
        }

        continue;
    }

    var mediaType = response.Content.Headers.ContentType?.MediaType;
    if (status != 200 || mediaType != "text/html")
    {
        continue;
    }

    var html = await response.Content.ReadAsByteArrayAsync();
    var document = await parser.ParseDocumentAsync(System.Text.Encoding.UTF8.GetString(html));
    var assets = new HashSet<string>(StringComparer.Ordinal);
    var foreign = new List<string>();

    void Reference(string? raw, Uri relativeTo)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.StartsWith("data:", StringComparison.Ordinal) || raw.StartsWith('#'))
        {
            return;
        }

        var resolved = new Uri(relativeTo, raw.Trim());
        if (!SameOrigin(resolved, options.Base))
        {
            foreign.Add(resolved.ToString());
        }
        else
        {
            assets.Add(resolved.GetLeftPart(UriPartial.Query));
        }
    }

    foreach (var element in document.QuerySelectorAll("link[href]"))
    {
        var rel = (element.GetAttribute("rel") ?? string.Empty).ToLowerInvariant();
        if (rel.Contains("stylesheet", StringComparison.Ordinal) || rel.Contains("icon", StringComparison.Ordinal)
            || rel.Contains("preload", StringComparison.Ordinal) || rel.Contains("modulepreload", StringComparison.Ordinal)
            || rel.Contains("manifest", StringComparison.Ordinal))
        {
            Reference(element.GetAttribute("href"), url);
        }
    }

    foreach (var element in document.QuerySelectorAll("script[src], img[src], source[src], audio[src], video[src], iframe[src], input[type=image][src]"))
    {
        Reference(element.GetAttribute("src"), url);
    }

    foreach (var element in document.QuerySelectorAll("img[srcset], source[srcset]"))
    {
        foreach (var candidate in (element.GetAttribute("srcset") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Reference(candidate.Split(' ')[0], url);
        }
    }

    foreach (var element in document.QuerySelectorAll("style"))
    {
        foreach (var inner in CssReferences(element.TextContent))
        {
            Reference(inner, url);
        }
    }

    foreach (var element in document.QuerySelectorAll("[style]"))
    {
        foreach (var inner in CssReferences(element.GetAttribute("style") ?? string.Empty))
        {
            Reference(inner, url);
        }
    }

    // Stylesheets load more (fonts, images, @import): follow them until nothing new appears.
    var weighed = new HashSet<string>(StringComparer.Ordinal);
    long assetBytes = 0;
    var missing = new List<string>();
    while (assets.Except(weighed).FirstOrDefault() is { } asset)
    {
        weighed.Add(asset);
        if (!assetCache.TryGetValue(asset, out var fetched))
        {
            using var assetResponse = await http.GetAsync(asset);
            if (!assetResponse.IsSuccessStatusCode)
            {
                missing.Add($"{asset} ({(int)assetResponse.StatusCode})");
                continue;
            }

            var bytes = await assetResponse.Content.ReadAsByteArrayAsync();
            var isCss = assetResponse.Content.Headers.ContentType?.MediaType == "text/css";
            fetched = (bytes.LongLength, isCss ? System.Text.Encoding.UTF8.GetString(bytes) : null);
            assetCache[asset] = fetched;
        }

        assetBytes += fetched.Bytes;
        if (fetched.Css is { } css)
        {
            foreach (var inner in CssReferences(css))
            {
                Reference(inner, new Uri(asset));
            }
        }
    }

    var total = html.LongLength + assetBytes;
    pages++;
    heaviest = Math.Max(heaviest, total);
    var over = total > options.LimitBytes;
    overLimit += over ? 1 : 0;
    failures += foreign.Count + missing.Count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"PAGE {url.PathAndQuery} total={total} html={html.LongLength} assets={assetBytes} files={weighed.Count}{(over ? " OVER-LIMIT" : string.Empty)}"));
    foreach (var entry in weighed.Order(StringComparer.Ordinal))
    {
        if (assetCache.TryGetValue(entry, out var known))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {new Uri(entry).PathAndQuery} {known.Bytes}"));
        }
    }

    foreach (var entry in foreign)
    {
        Console.WriteLine($"  FOREIGN {entry}");
    }

    foreach (var entry in missing)
    {
        Console.WriteLine($"  MISSING {entry}");
    }

    foreach (var link in document.QuerySelectorAll("a[href]"))
    {
        var href = link.GetAttribute("href");
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#'))
        {
            continue;
        }

        var target = new Uri(url, href);
        if (SameOrigin(target, options.Base) && !IsExcluded(target.AbsolutePath))
        {
            queue.Enqueue(target);
        }
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"PAGEWEIGHT pages={pages} heaviest_bytes={heaviest} limit_bytes={options.LimitBytes} over_limit={overLimit} problems={failures}"));
return pages > 0 && overLimit == 0 && failures == 0 ? 0 : 1;

static bool SameOrigin(Uri uri, Uri origin) =>
    uri.Scheme == origin.Scheme && string.Equals(uri.Host, origin.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == origin.Port;

// Not pages: the API, health and OpenAPI documents, and the staff side.
static bool IsExcluded(string path) =>
    path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/openapi/", StringComparison.OrdinalIgnoreCase)
    || path.Equals("/healthz", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/staff", StringComparison.OrdinalIgnoreCase);

static IEnumerable<string> CssReferences(string css) =>
    Patterns.CssUrl().Matches(css).Select(m => m.Groups["u"].Value)
        .Concat(Patterns.CssImport().Matches(css).Select(m => m.Groups["u"].Value));

internal static partial class Patterns
{
    [GeneratedRegex("""url\(\s*['"]?(?<u>[^'")]+)['"]?\s*\)""", RegexOptions.IgnoreCase)]
    public static partial Regex CssUrl();

    [GeneratedRegex("""@import\s+['"](?<u>[^'"]+)['"]""", RegexOptions.IgnoreCase)]
    public static partial Regex CssImport();
}

internal sealed record Options(Uri Base, long LimitBytes, int MaxPages, IReadOnlyList<string> StartPaths)
{
    public static Options Parse(string[] args)
    {
        Uri? origin = null;
        long limit = 50_000; // 50 KB read strictly as 50,000 bytes, not 51,200
        var maxPages = 80;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--base": origin = new Uri(args[++i]); break;
                case "--limit-bytes": limit = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--max-pages": maxPages = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: paths.Add(args[i]); break;
            }
        }

        if (origin is null || !origin.IsLoopback)
        {
            throw new ArgumentException("--base must be a loopback address (benchmarks aim only at 127.0.0.1).");
        }

        return new Options(origin, limit, maxPages, paths.Count > 0 ? paths : ["/"]);
    }
}
