namespace Lantern.Web.Core.Regions;

/// <summary>
/// Postcode ranges written as an administrator types them: <c>1000-1299,4700-4799</c> (a single postcode is a
/// range of one). Parsed strictly: a range that cannot be read is an error, never silently dropped.
/// </summary>
public sealed record PostcodeList(IReadOnlyList<(int From, int To)> Ranges)
{
    public static readonly PostcodeList Empty = new([]);

    public bool Contains(int postcode) => Ranges.Any(r => postcode >= r.From && postcode <= r.To);

    /// <summary>The canonical text (sorted, no spaces), as stored.</summary>
    public override string ToString() =>
        string.Join(',', Ranges.Select(r => r.From == r.To
            ? r.From.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{r.From}-{r.To}")));

    /// <summary>Reads the list; on failure <paramref name="error"/> is the part that could not be read.</summary>
    public static bool TryParse(string? text, out PostcodeList list, out string? error)
    {
        list = Empty;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ranges = new List<(int From, int To)>();
        foreach (var raw in text.Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = raw.Split(['-', '–'], StringSplitOptions.TrimEntries);
            if (bounds.Length is < 1 or > 2
                || !TryPostcode(bounds[0], out var from)
                || !TryPostcode(bounds[^1], out var to)
                || from > to)
            {
                error = raw;
                return false;
            }

            ranges.Add((from, to));
        }

        list = new PostcodeList(ranges.OrderBy(r => r.From).ThenBy(r => r.To).ToList());
        return true;
    }

    /// <summary>Reads a stored list; an unreadable one (edited outside Lantern) serves nothing rather than everything.</summary>
    public static PostcodeList ParseStored(string? text) => TryParse(text, out var list, out _) ? list : Empty;

    private static bool TryPostcode(string text, out int postcode) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out postcode) && text.Length is >= 3 and <= 6;
}
