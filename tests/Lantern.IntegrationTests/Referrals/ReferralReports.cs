using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Reporting.Api;

namespace Lantern.IntegrationTests.Referrals;

/// <summary>A report sent for routing tests: its reference and the unique texts it holds (to look for leaks).</summary>
public sealed record RoutedReport(string Reference, string Description, string ContactAddress);

/// <summary>Sends reports with chosen routing facts through the public API, and calls the staff API with a token.</summary>
public static class ReferralReports
{
    public static async Task<RoutedReport> SendAsync(
        LanternFactory factory,
        string role = "victim",
        string postcode = "1000",
        string language = "en",
        string[]? forms = null,
        bool minors = false,
        bool danger = false,
        CancellationToken cancellationToken = default)
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        var description = "They keep our passports in the office " + marker;
        var contact = "me." + marker + "@example.org";
        var json = JsonSerializer.Serialize(new
        {
            role,
            language,
            immediateDanger = danger,
            exploitationTypes = forms ?? ["sexual"],
            minorsInvolved = minors,
            youngestAge = minors ? 15 : (int?)null,
            location = new { country = "BE", postcode, municipality = "Somewhere" },
            description,
            contact = new { channel = "email", address = contact, safeTimes = "evenings", mayLeaveMessage = false },
        });
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(new Uri("/api/v1/reports", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"201 expected, got {(int)response.StatusCode}: {body}");
        return new RoutedReport(JsonSerializer.Deserialize<ReportCreated>(body, JsonSerializerOptions.Web)!.Reference, description, contact);
    }

    public static HttpClient Api(LanternFactory factory, string token)
    {
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api;
    }

    /// <summary>The organisation codes the routing rules propose for the report, as the report API returns them.</summary>
    public static async Task<List<string>> ProposedAsync(HttpClient api, string reference, CancellationToken cancellationToken)
    {
        var detail = await GetJsonAsync(api, "/api/v1/reports/" + reference, cancellationToken);
        return [.. detail["proposedReferrals"]!.AsArray().Select(p => p!["organisation"]!.GetValue<string>())];
    }

    public static async Task<JsonNode> GetJsonAsync(HttpClient api, string path, CancellationToken cancellationToken)
    {
        using var response = await api.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"200 expected from {path}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Refers the report through the API and returns the new referral's id (the answer must be 201).</summary>
    public static async Task<Guid> ReferThroughApiForIdAsync(HttpClient api, string reference, string organisation, string scope, CancellationToken cancellationToken)
    {
        using var response = await ReferThroughApiAsync(api, reference, new { organisation, scope }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return Guid.Parse(JsonNode.Parse(body)!["id"]!.GetValue<string>());
    }

    public static Task<HttpResponseMessage> ReferThroughApiAsync(HttpClient api, string reference, object body, CancellationToken cancellationToken) =>
        api.PostAsync(
            new Uri($"/api/v1/reports/{reference}/referrals", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
            cancellationToken);
}
