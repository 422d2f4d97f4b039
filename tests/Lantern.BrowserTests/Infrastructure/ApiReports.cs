using System.Net;
using System.Text;
using System.Text.Json;
using Lantern.Web.Reporting.Api;

namespace Lantern.BrowserTests.Infrastructure;

/// <summary>Reports sent straight through the public API, for journeys that start after a report was sent.</summary>
public static class ApiReports
{
    private static readonly string[] _labour = ["labour"];

    /// <summary>A victim's report in <paramref name="language"/>; answers its reference and receipt.</summary>
    public static async Task<(string Reference, string Receipt)> SendAsync(LanternServer server, string language)
    {
        var body = JsonSerializer.Serialize(new
        {
            role = "victim",
            language,
            immediateDanger = false,
            exploitationTypes = _labour,
            location = new { country = "BE", postcode = "1000" },
            description = $"We work at the car wash without pay ({Guid.NewGuid():N}).",
        });
        using var client = new HttpClient { BaseAddress = server.Origin };
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/v1/reports", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var created = JsonSerializer.Deserialize<ReportCreated>(text, JsonSerializerOptions.Web)!;
        return (created.Reference, created.Receipt);
    }
}
