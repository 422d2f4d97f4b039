using System.Net;
using System.Net.Http.Headers;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;

namespace Lantern.IntegrationTests.Accounts;

/// <summary>Lantern allowing three refused bearer tokens per client per minute.</summary>
public sealed class LowTokenProbeLimitFactory : SqliteLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Lantern:RateLimits:FailedTokensPerClientPerMinute"] = "3",
    };
}

/// <summary>Lantern allowing twelve requests per client per minute, whatever they are.</summary>
public sealed class LowRequestLimitFactory : SqliteLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Lantern:RateLimits:RequestsPerClientPerMinute"] = "12",
    };
}

/// <summary>Someone guessing personal access tokens is cut off; staff using a valid token are not.</summary>
public sealed class TokenProbeLimitTests(LowTokenProbeLimitFactory factory) : LanternTestBase<LowTokenProbeLimitFactory>(factory)
{
    [Fact]
    public async Task ValidTokens_AreNotCounted_ButAfterThreeRefusedStaffOrReporterTokens_EveryBearerRequestOfTheClientAnswers429()
    {
        var credentials = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        var token = await StaffSessions.TokenAsync(Factory, credentials);
        for (var i = 0; i < 6; i++)
        {
            using var ok = await MeAsync(token);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        // Staff tokens and reporter session tokens are counted together.
        var probes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var probe = i == 1
                ? await GetAsync("/api/v1/followup/thread", "lfu_" + new string('b', 43))
                : await MeAsync("lnt_" + new string((char)('a' + i), 43));
            probes.Add(probe.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], probes);

        // Once the client is cut off, not even a right token is looked up until the minute is over.
        using var blocked = await MeAsync(token);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.NotNull(blocked.Headers.RetryAfter);

        // Requests without a token (the public site) are not affected.
        using var health = await CreateBrowserClient().GetAsync(new Uri("/healthz", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private Task<HttpResponseMessage> MeAsync(string token) => GetAsync("/api/v1/staff/me", token);

    private async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var client = CreateClientWithoutRedirects();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
    }
}

/// <summary>The per-client request limit counts requests that fail authentication too.</summary>
public sealed class RequestLimitBeforeAuthenticationTests(LowRequestLimitFactory factory) : LanternTestBase<LowRequestLimitFactory>(factory)
{
    [Fact]
    public async Task RequestsWithRefusedTokens_CountTowardsTheClientsRequestLimit()
    {
        using var client = CreateClientWithoutRedirects();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-lantern-token");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/v1/staff/me", UriKind.Relative), Cancellation);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
    }
}
