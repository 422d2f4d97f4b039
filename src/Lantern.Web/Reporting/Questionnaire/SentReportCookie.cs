using System.Security.Cryptography;
using System.Text.Json;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Platform.Web;
using Lantern.Web.Platform.Web.EndedCookies;
using Lantern.Web.Platform.Web.Escape;
using Microsoft.AspNetCore.DataProtection;

namespace Lantern.Web.Reporting.Questionnaire;

/// <summary>
/// Hands the reference and receipt from the send step to the page that shows them (Post/Redirect/Get),
/// so a reload shows the receipt again instead of sending the report twice. It is an encrypted session
/// cookie valid for 30 minutes, ended as soon as the reporter confirms they kept the receipt or escapes.
/// </summary>
/// <remarks>
/// Ending it deletes the cookie in the browser and also records its random id (<see cref="EndedCookieIds"/>, shared by
/// every Lantern process) until the cookie would have expired: a copy of the cookie taken before (or a browser that
/// ignored the deletion) no longer shows the receipt, whichever node it is sent to.
/// </remarks>
public sealed class SentReportCookie(IDataProtectionProvider provider, EndedCookieIds ended, TimeProvider clock) : IVisitTrace
{
    public const string Name = "lantern.sent";
    private static readonly TimeSpan _lifetime = TimeSpan.FromMinutes(30);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Lantern.Reporting.Sent.v2").ToTimeLimitedDataProtector();

    public void Write(HttpResponse response, string reference, Receipt receipt)
    {
        var payload = JsonSerializer.Serialize(new Payload(RandomNumberGenerator.GetHexString(32, lowercase: true), reference, receipt.Digits));
        response.Cookies.Append(Name, _protector.Protect(payload, clock.GetUtcNow() + _lifetime), Options(response.HttpContext.Request));
    }

    public async Task<(string Reference, Receipt Receipt)?> ReadAsync(HttpContext context) =>
        Open(context.Request) is { } payload
        && !await ended.IsEndedAsync(payload.Id, context.RequestAborted)
        && Receipt.TryParse(payload.Receipt, out var receipt)
            ? (payload.Reference, receipt)
            : null;

    /// <summary>The receipt was kept, or the reporter escaped: the cookie is deleted and its id never shows the receipt again.</summary>
    public async Task EndAsync(HttpContext context)
    {
        // Deleted in the browser first: even if the database cannot take the id now, this browser no longer shows it.
        context.Response.Cookies.Delete(Name, Options(context.Request));
        if (Open(context.Request) is { } payload)
        {
            await ended.EndAsync(payload.Id, clock.GetUtcNow() + _lifetime, context.RequestAborted);
        }
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
