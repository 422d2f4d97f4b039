using Lantern.Web.Detection.Extraction;

namespace Lantern.Web.Detection.Links;

/// <summary>The hotspot filter as typed (page or API): a kind or all, a start date, a minimum number of reports.</summary>
public sealed record HotspotQuery(string? Kind, DateTime Since, int Min, string? Error)
{
    public const int DefaultMin = 3;

    public const int DefaultDays = 90;

    /// <summary>The filter, or one with <see cref="Error"/> naming the bad field (<c>kind</c>, <c>since</c>, <c>min</c>).</summary>
    public static HotspotQuery Parse(string? kind, string? since, string? min, DateTime now)
    {
        var chosenKind = string.IsNullOrWhiteSpace(kind) ? null : kind.Trim().ToLowerInvariant();
        var start = now.Date.AddDays(-DefaultDays);
        var minimum = DefaultMin;
        if (chosenKind is not null && !EntityKinds.IsKnown(chosenKind))
        {
            return new HotspotQuery(null, start, minimum, "kind");
        }

        if (!string.IsNullOrWhiteSpace(since))
        {
            if (!DateTime.TryParseExact(since.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return new HotspotQuery(chosenKind, start, minimum, "since");
            }

            start = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        }

        if (!string.IsNullOrWhiteSpace(min))
        {
            if (!int.TryParse(min.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out minimum) || minimum is < 2 or > 1_000_000)
            {
                return new HotspotQuery(chosenKind, start, DefaultMin, "min");
            }
        }

        return new HotspotQuery(chosenKind, start, minimum, null);
    }
}
