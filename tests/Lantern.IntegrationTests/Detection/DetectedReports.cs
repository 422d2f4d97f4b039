using System.Net;
using System.Text.Json;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Reporting.Api;

namespace Lantern.IntegrationTests.Detection;

/// <summary>Reports sent through the public API with a given free-text account, as a partner app would.</summary>
public static class DetectedReports
{
    public static async Task<string> SendAsync(LanternFactory factory, string description, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(new
        {
            role = "witness",
            language = "en",
            location = new { country = "BE", postcode = "1000" },
            description,
        });
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(
            new Uri("/api/v1/reports", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"201 expected, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<ReportCreated>(body, JsonSerializerOptions.Web)!.Reference;
    }

    /// <summary>A Belgian mobile number no other test uses (each test class shares one database).</summary>
    public static string UniquePhone(out string e164)
    {
        var digits = Random.Shared.Next(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        e164 = "+32478" + digits;
        return $"0478 {digits[..2]} {digits[2..4]} {digits[4..]}";
    }
}
