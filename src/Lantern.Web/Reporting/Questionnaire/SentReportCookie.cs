using System.Security.Cryptography;
using System.Text.Json;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.DataProtection;

namespace Lantern.Web.Reporting.Questionnaire;

/// <summary>
/// Hands the reference and receipt from the send step to the page that shows them (Post/Redirect/Get),
/// so a reload shows the receipt again instead of sending the report twice. It is an encrypted session
/// cookie valid for 30 minutes, deleted as soon as the reporter confirms they kept the receipt.
/// </summary>
public sealed class SentReportCookie(IDataProtectionProvider provider, TimeProvider clock)
{
    public const string Name = "lantern.sent";
    private static readonly TimeSpan _lifetime = TimeSpan.FromMinutes(30);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Lantern.Reporting.Sent.v1").ToTimeLimitedDataProtector();

    public void Write(HttpResponse response, string reference, Receipt receipt)
    {
        var payload = JsonSerializer.Serialize(new Payload(reference, receipt.Digits));
        response.Cookies.Append(Name, _protector.Protect(payload, clock.GetUtcNow() + _lifetime), Options(response.HttpContext.Request));
    }

    public (string Reference, Receipt Receipt)? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value) || value.Length > 2_000)
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(value));
            return payload is not null && Receipt.TryParse(payload.Receipt, out var receipt) ? (payload.Reference, receipt) : null;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    public static void Delete(HttpResponse response) => response.Cookies.Delete(Name, Options(response.HttpContext.Request));

    private static CookieOptions Options(HttpRequest request) => SessionCookies.Options(request);

    private sealed record Payload(string Reference, string Receipt);
}
