using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Lantern.Web.Reporting.Questionnaire;

/// <summary>
/// Carries the answers between questionnaire steps inside the form itself, encrypted and authenticated
/// with a server key and valid for two hours. Nothing is written on the server or in a cookie until the
/// report is sent, and a copy of the page reveals nothing. The answers must belong to the path and
/// language they were started in.
/// </summary>
public sealed class DraftProtector(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Lantern.Reporting.Draft.v1").ToTimeLimitedDataProtector();

    public string Protect(ReportContent content) =>
        _protector.Protect(JsonSerializer.Serialize(content, ReportJson.Options), clock.GetUtcNow() + Lifetime);

    /// <summary>Null when the draft is missing, expired, altered, or from another path or language.</summary>
    public ReportContent? Unprotect(string? protectedDraft, string role, string language)
    {
        if (string.IsNullOrEmpty(protectedDraft) || protectedDraft.Length > 200_000)
        {
            return null;
        }

        try
        {
            var content = JsonSerializer.Deserialize<ReportContent>(_protector.Unprotect(protectedDraft), ReportJson.Options);
            return content is not null && content.Role == role && content.Language == language ? content : null;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
