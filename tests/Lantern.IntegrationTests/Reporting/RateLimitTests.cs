using System.Net;
using System.Text;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Reporting;

/// <summary>Lantern with the intake limit lowered to three reports per client per minute.</summary>
public sealed class LowIntakeLimitFactory : SqliteLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Lantern:RateLimits:IntakePerClientPerMinute"] = "3",
    };
}

/// <summary>A flood from one client is cut off, and what is cut off is not stored.</summary>
public sealed class RateLimitTests(LowIntakeLimitFactory factory) : LanternTestBase<LowIntakeLimitFactory>(factory)
{
    [Fact]
    public async Task ReportsOverTheIntakeLimit_Answer429_AndAreNotStored()
    {
        using var client = CreateClientWithoutRedirects();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            using var content = new StringContent("""{"role":"witness","language":"en","signs":["fear"]}""", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/api/v1/reports", UriKind.Relative), content, Cancellation);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(3, (await ReportRows.CountAsync(Factory, Cancellation)).Reports);

        // Other requests from that client are still served.
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
