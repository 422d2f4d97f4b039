namespace Lantern.Web.Core.Regions;

/// <summary>Finds the region of a postcode from the postcode ranges, kept in memory.</summary>
public sealed class RegionResolver(IServiceScopeFactory scopes)
{
    private volatile IReadOnlyList<PostcodeRange>? _ranges;

    public async Task<string?> ResolveAsync(string country, string? postcode, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(postcode)
            || !int.TryParse(postcode.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var ranges = _ranges ?? await LoadAsync(cancellationToken);
        foreach (var range in ranges)
        {
            if (string.Equals(range.Country, country, StringComparison.OrdinalIgnoreCase) && number >= range.From && number <= range.To)
            {
                return range.Region;
            }
        }

        return null;
    }

    public void Invalidate() => _ranges = null;

    private async Task<IReadOnlyList<PostcodeRange>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var ranges = await db.PostcodeRanges.AsNoTracking().ToListAsync(cancellationToken);
        _ranges = ranges;
        return ranges;
    }
}
