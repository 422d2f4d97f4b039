using System.Net;
using System.Text.Json;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.FollowUp;

/// <summary>Lantern with receipt sign-in limited to three attempts per client.</summary>
public sealed class LowSignInLimitFactory : SqliteLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Lantern:FollowUp:SignInAttemptsPerClient"] = "3",
    };
}

/// <summary>Receipt attempts from one client are limited, pages and API together; even the right receipt waits then.</summary>
public sealed class SignInLimitTests(LowSignInLimitFactory factory) : LanternTestBase<LowSignInLimitFactory>(factory)
{
    [Fact]
    public async Task AttemptsOverTheLimit_Answer429_EvenWithTheRightReceipt()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            var page = await FollowUpClient.SignInAsync(new FormClient(CreateBrowserClient()), FollowUpClient.Altered(report.Receipt), cancellationToken: Cancellation);
            statuses.Add(page.Status);
        }

        using var api = CreateClientWithoutRedirects();
        using (var third = await FollowUpClient.PostJsonAsync(api, "/api/v1/followup/session", JsonSerializer.Serialize(new { receipt = "0000" }), cancellationToken: Cancellation))
        {
            statuses.Add(third.StatusCode);
        }

        var limited = await FollowUpClient.SignInAsync(new FormClient(CreateBrowserClient()), report.Receipt, cancellationToken: Cancellation);
        statuses.Add(limited.Status);
        using (var apiLimited = await FollowUpClient.PostJsonAsync(api, "/api/v1/followup/session", JsonSerializer.Serialize(new { receipt = report.Receipt }), cancellationToken: Cancellation))
        {
            statuses.Add(apiLimited.StatusCode);
            Assert.Equal("application/problem+json", apiLimited.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("/en/follow-up", limited.Url.AbsolutePath);
        Assert.Contains("Too many attempts", limited.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }
}
