using Microsoft.AspNetCore.OutputCaching;

namespace Lantern.Web.Platform.Web.Caching;

/// <summary>
/// Public pages that are the same for every visitor (the home page in each language) are rendered once a few minutes
/// and served from memory: the visit still passes every middleware (security headers, rate limits, the role gate),
/// only the rendering is skipped. Nothing of a visitor can be in such a page: a response that sets a cookie, a request
/// with a signed-in staff member or an Authorization header, anything but GET/HEAD answered 200 is never stored or
/// served from here (ASP.NET Core's output cache rules), and the key is the path alone, so a query string or a Host header can
/// neither vary the page nor fill the cache. docs/BENCHMARKS.md ("Home page") has the reason: rendering the layout
/// and its localised texts is most of what the home page costs.
/// </summary>
public static class SharedPageCache
{
    /// <summary>The policy pages opt into with <c>[OutputCache(PolicyName = SharedPageCache.Policy)]</c>.</summary>
    public const string Policy = "shared-page";

    /// <summary>How long a rendering is served: the texts change only with a new release or a catalogue edit.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddSharedPageCache(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            // Only pages that ask for it; a few kilobytes per page and language.
            options.SizeLimit = 16 * 1024 * 1024;
            options.AddPolicy(Policy, policy => policy.Expire(Lifetime).SetVaryByQuery([]).SetVaryByHost(false).Tag(Policy));
        });

    /// <summary>
    /// Drops every stored rendering at once, when what the pages show changed (an editor published a page or a campaign):
    /// the next visit renders afresh. Each node holds its own store, so another node serves its copy until
    /// <see cref="Lifetime"/> ends.
    /// </summary>
    public static async Task EvictAsync(IOutputCacheStore store) => await store.EvictByTagAsync(Policy, CancellationToken.None);
}
