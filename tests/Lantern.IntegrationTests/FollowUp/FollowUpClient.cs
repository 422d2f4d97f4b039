using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Reporting.Api;

namespace Lantern.IntegrationTests.FollowUp;

/// <summary>A report sent through the public API with its receipt: what a reporter keeps to come back.</summary>
public sealed record ReceiptedReport(string Reference, string Receipt, string Description);

/// <summary>The reporter's side of follow-up, through the pages (no JavaScript) and the API.</summary>
public static class FollowUpClient
{
    private static readonly string[] _labour = ["labour"];

    public static async Task<ReceiptedReport> SendReportAsync(LanternFactory factory, string language = "en", CancellationToken cancellationToken = default)
    {
        var description = "Report for follow-up " + Guid.NewGuid().ToString("N")[..10];
        var json = JsonSerializer.Serialize(new
        {
            role = "victim",
            language,
            immediateDanger = false,
            exploitationTypes = _labour,
            location = new { country = "BE", postcode = "1000" },
            description,
        });
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(new Uri("/api/v1/reports", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var created = JsonSerializer.Deserialize<ReportCreated>(body, JsonSerializerOptions.Web)!;
        return new ReceiptedReport(created.Reference, created.Receipt, description);
    }

    /// <summary>Signs in on <c>/{lang}/follow-up</c> and answers the page reached (the thread when the receipt opens it).</summary>
    public static async Task<HtmlPage> SignInAsync(FormClient client, string receipt, string language = "en", CancellationToken cancellationToken = default)
    {
        var page = await client.GetAsync($"/{language}/follow-up", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await page.Form("main form").Set("receipt", receipt).SubmitAsync(cancellationToken);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json, string? bearer = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client.SendAsync(request, cancellationToken);
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? bearer, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client.SendAsync(request, cancellationToken);
    }

    /// <summary>An API session token for the receipt (asserting it opens).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string receipt, CancellationToken cancellationToken = default)
    {
        using var response = await PostJsonAsync(client, "/api/v1/followup/session", JsonSerializer.Serialize(new { receipt }), cancellationToken: cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>A receipt of the right shape that opens nothing: the given one with its last digit changed.</summary>
    public static string Altered(string receipt)
    {
        var last = receipt[^1];
        return receipt[..^1] + (last == '9' ? '0' : (char)(last + 1));
    }
}
