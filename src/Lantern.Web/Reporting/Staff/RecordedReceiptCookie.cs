using System.Security.Cryptography;
using System.Text.Json;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Platform.Web;
using Lantern.Web.Platform.Web.Escape;
using Microsoft.AspNetCore.DataProtection;

namespace Lantern.Web.Reporting.Staff;

/// <summary>
/// Carries the reference and receipt of a report a staff member just recorded to the page that shows them, once:
/// an encrypted session cookie, bound to that member, limited to the back office and to a few minutes, deleted
/// by the page that reads it. The receipt is never stored; after that one showing nobody can see it again.
/// </summary>
public sealed class RecordedReceiptCookie(IDataProtectionProvider provider, TimeProvider clock) : IVisitTrace
{
    public const string Name = "lantern.recorded";
    private const string Path = "/staff";
    private static readonly TimeSpan _lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Lantern.Reporting.Staff.Recorded.v1").ToTimeLimitedDataProtector();

    public void Write(HttpResponse response, StaffMember member, RecordedReceipt recorded)
    {
        var payload = JsonSerializer.Serialize(new Payload(member.Id, recorded.Reference, recorded.Receipt.Digits, recorded.Channel));
        response.Cookies.Append(Name, _protector.Protect(payload, clock.GetUtcNow() + _lifetime), Options(response.HttpContext.Request));
    }

    /// <summary>The receipt waiting for <paramref name="member"/>, if any; the cookie is deleted either way, so it shows once.</summary>
    public RecordedReceipt? Take(HttpContext context, StaffMember member)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value))
        {
            return null;
        }

        context.Response.Cookies.Delete(Name, Options(context.Request));
        if (string.IsNullOrEmpty(value) || value.Length > 2_000)
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(value));
            return payload is not null && payload.MemberId == member.Id && Receipt.TryParse(payload.Receipt, out var receipt)
                ? new RecordedReceipt(payload.Reference, receipt, payload.Channel)
                : null;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Escape on the same browser: the cookie lives under <c>/staff</c>, so <c>/escape</c> never receives it and expires
    /// it by name. Nothing is held on the server (the receipt is in the cookie, for its member only).
    /// </summary>
    public Task EndAsync(HttpContext context)
    {
        context.Response.Cookies.Delete(Name, Options(context.Request));
        return Task.CompletedTask;
    }

    private static CookieOptions Options(HttpRequest request) => SessionCookies.Options(request, Path);

    private sealed record Payload(Guid MemberId, string Reference, string Receipt, string Channel);
}
