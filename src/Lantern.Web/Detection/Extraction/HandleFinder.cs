using System.Text.RegularExpressions;

namespace Lantern.Web.Detection.Extraction;

/// <summary>
/// Social-media handles, canonical <c>platform:name</c> in lower case: from profile addresses
/// (<c>instagram.com/x</c>, <c>tiktok.com/@x</c>, <c>t.me/x</c>, with <c>www.</c>, tracking parameters, trailing
/// slash, capitals) and from <c>x (instagram)</c> or <c>instagram @x</c>, in the scripts the reports come in.
/// </summary>
public static partial class HandleFinder
{
    private static readonly (string Word, string Platform)[] _platforms =
    [
        ("instagram", "instagram"), ("insta", "instagram"), ("ig", "instagram"), ("инстаграм", "instagram"), ("інстаграм", "instagram"),
        ("انستغرام", "instagram"), ("إنستغرام", "instagram"), ("انستقرام", "instagram"),
        ("tiktok", "tiktok"), ("tik tok", "tiktok"), ("тикток", "tiktok"), ("тікток", "tiktok"), ("تيك توك", "tiktok"),
        ("telegram", "telegram"), ("телеграм", "telegram"), ("تيليجرام", "telegram"), ("تلغرام", "telegram"),
        ("facebook", "facebook"), ("fb", "facebook"), ("фейсбук", "facebook"), ("فيسبوك", "facebook"),
        ("snapchat", "snapchat"), ("snap", "snapchat"), ("снапчат", "snapchat"), ("سناب", "snapchat"),
        ("twitter", "x"), ("x", "x"),
    ];

    private static readonly Dictionary<string, string> _hosts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["instagram.com"] = "instagram",
        ["tiktok.com"] = "tiktok",
        ["t.me"] = "telegram",
        ["telegram.me"] = "telegram",
        ["facebook.com"] = "facebook",
        ["fb.com"] = "facebook",
        ["snapchat.com"] = "snapchat",
        ["x.com"] = "x",
        ["twitter.com"] = "x",
    };

    public static IEnumerable<DetectedEntity> Find(ScanText text, bool handleField)
    {
        foreach (var pattern in (Regex[])[Profile(), Named(), Prefixed()])
        {
            foreach (Match match in pattern.Matches(text.ToString()))
            {
                var platform = PlatformOf(match.Groups["host"].Success ? match.Groups["host"].Value : match.Groups["platform"].Value);
                var name = match.Groups["name"].Value.TrimEnd('.').ToLowerInvariant();
                if (platform is not null && name.Length >= 2 && !_reserved.Contains(name))
                {
                    text.Mask(match.Index, match.Length);
                    yield return new DetectedEntity(EntityKinds.Handle, platform + ":" + name);
                }
            }
        }

        // A bare "@name" in the field for handles: the platform is not known.
        if (handleField && Bare().Match(text.ToString()) is { Success: true } bare)
        {
            text.Mask(bare.Index, bare.Length);
            yield return new DetectedEntity(EntityKinds.Handle, "unknown:" + bare.Groups["name"].Value.TrimEnd('.').ToLowerInvariant());
        }
    }

    /// <summary>Paths of the platforms that are not profiles.</summary>
    private static readonly HashSet<string> _reserved = new(StringComparer.Ordinal) { "p", "reel", "reels", "share", "watch", "groups", "events", "home", "explore", "login", "profile.php", "joinchat", "add", "stories" };

    private static string? PlatformOf(string word)
    {
        var host = word.ToLowerInvariant();
        foreach (var prefix in (string[])["www.", "m.", "mobile."])
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal))
            {
                host = host[prefix.Length..];
            }
        }

        if (_hosts.TryGetValue(host.Split('/')[0], out var platform))
        {
            return platform;
        }

        return _platforms.FirstOrDefault(p => string.Equals(p.Word, word.Trim(), StringComparison.OrdinalIgnoreCase)).Platform;
    }

    [GeneratedRegex(@"(?<![\w.-])(?:https?://)?(?<host>(?:www\.|m\.|mobile\.)?(?:instagram\.com|tiktok\.com|t\.me|telegram\.me|facebook\.com|fb\.com|snapchat\.com(?=/add/)|x\.com|twitter\.com))/(?:add/)?@?(?<name>[\w.]{2,50})(?:[/?#][^\s]*)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Profile();

    [GeneratedRegex(@"(?<![\w@])@?(?<name>[A-Za-z0-9_][\w.]{1,49})\s*\((?<platform>instagram|insta|ig|tiktok|telegram|facebook|fb|snapchat|snap|twitter|x|инстаграм|інстаграм|телеграм|тикток|тікток|фейсбук|انستغرام|إنستغرام|تيك توك|تلغرام|فيسبوك)\)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Named();

    [GeneratedRegex(@"(?<![\w])(?<platform>instagram|insta|tiktok|tik tok|telegram|facebook|snapchat|snap|twitter|инстаграм|інстаграм|телеграм|тикток|тікток|фейсбук|снапчат|انستغرام|إنستغرام|انستقرام|تيك توك|تيليجرام|تلغرام|فيسبوك|سناب)\s*:?\s*@(?<name>[A-Za-z0-9_][\w.]{1,49})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Prefixed();

    [GeneratedRegex(@"(?<![\w])@(?<name>[A-Za-z0-9_][\w.]{1,49})", RegexOptions.CultureInvariant)]
    private static partial Regex Bare();
}
