using Lantern.Web.Detection.Extraction;
using Lantern.Web.Platform;

namespace Lantern.Web.Detection;

/// <summary>
/// The current <see cref="ServiceNumbers"/>: the site's helpline, the configured service numbers and the phones of the
/// organisations in the directory (editable, so read again after a few minutes).
/// </summary>
public sealed class ServiceNumberDirectory(IServiceScopeFactory scopes, IOptions<DetectionOptions> options, IOptions<SiteOptions> site, TimeProvider clock)
{
    private static readonly TimeSpan _lifetime = TimeSpan.FromMinutes(5);
    private (ServiceNumbers Numbers, DateTimeOffset At)? _current;

    public ServiceNumbers Current(string region)
    {
        if (_current is { } current && clock.GetUtcNow() - current.At < _lifetime)
        {
            return current.Numbers;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var phones = db.Organisations.AsNoTracking().Where(o => o.Phone != null).Select(o => o.Phone!).ToList();
        return Remember(phones, region);
    }

    public async Task<ServiceNumbers> CurrentAsync(string region, CancellationToken cancellationToken)
    {
        if (_current is { } current && clock.GetUtcNow() - current.At < _lifetime)
        {
            return current.Numbers;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var phones = await db.Organisations.AsNoTracking().Where(o => o.Phone != null).Select(o => o.Phone!).ToListAsync(cancellationToken);
        return Remember(phones, region);
    }

    private ServiceNumbers Remember(List<string> organisationPhones, string region)
    {
        var numbers = organisationPhones.Concat(options.Value.ServiceNumbers).Append(site.Value.HelplineNumber)
            .Select(p => PhoneFinder.Canonical(p, region)).OfType<string>();
        var built = new ServiceNumbers(numbers);
        _current = (built, clock.GetUtcNow());
        return built;
    }
}
