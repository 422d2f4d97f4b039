using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Platform.Web;
using Lantern.Web.Platform.Web.Escape;
using Microsoft.AspNetCore.DataProtection;

namespace Lantern.Web.Reporting.Questionnaire;

/// <summary>
/// Hands the reference and receipt from the send step to the page that shows them (Post/Redirect/Get),
/// so a reload shows the receipt again instead of sending the report twice. It is an encrypted session
/// cookie valid for 30 minutes, ended as soon as the reporter confirms they kept the receipt or escapes.
/// </summary>
/// <remarks>
/// Ending it deletes the cookie in the browser and also remembers its random id, in memory, until the cookie would
/// have expired: a copy of the cookie taken before (or a browser that ignored the deletion) no longer shows the receipt.
/// </remarks>
public sealed class SentReportCookie(IDataProtectionProvider provider, TimeProvider clock) : IVisitTrace
{
    public const string Name = "lantern.sent";
    private static readonly TimeSpan _lifetime = TimeSpan.FromMinutes(30);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Lantern.Reporting.Sent.v2").ToTimeLimitedDataProtector();

    /// <summary>Ids of cookies ended before their expiry, with that expiry (after which the cookie is refused anyway).</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    public void Write(HttpResponse response, string reference, Receipt receipt)
    {
        var payload = JsonSerializer.Serialize(new Payload(RandomNumberGenerator.GetHexString(32, lowercase: true), reference, receipt.Digits));
        response.Cookies.Append(Name, _protector.Protect(payload, clock.GetUtcNow() + _lifetime), Options(response.HttpContext.Request));
    }

    public (string Reference, Receipt Receipt)? Read(HttpRequest request) =>
        Open(request) is { } payload && !_ended.ContainsKey(payload.Id) && Receipt.TryParse(payload.Receipt, out var receipt)
            ? (payload.Reference, receipt)
            : null;

    /// <summary>The receipt was kept, or the reporter escaped: the cookie is deleted and its id never shows the receipt again.</summary>
    public void End(HttpContext context)
    {
        if (Open(context.Request) is { } payload)
        {
            var now = clock.GetUtcNow();
            foreach (var (id, expiry) in _ended)
            {
                if (expiry < now)
                {
                    _ended.TryRemove(id, out _);
                }
            }

            _ended[payload.Id] = now + _lifetime;
        }

        context.Response.Cookies.Delete(Name, Options(context.Request));
    }

    private Payload? Open(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value) || value.Length > 2_000)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Payload>(_protector.Unprotect(value)) is { Id: { Length: > 0 } } payload ? payload : null;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private static CookieOptions Options(HttpRequest request) => SessionCookies.Options(request);

    private sealed record Payload(string Id, string Reference, string Receipt);
}
