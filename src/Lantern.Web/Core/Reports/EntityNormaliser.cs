using System.Text;
using PhoneNumbers;

namespace Lantern.Web.Core.Reports;

/// <summary>
/// Puts a report's identifying details into one canonical form, so that the same phone number, address or handle
/// written differently in two reports gives the same blind index. In the core because two capabilities need the
/// same forms: the intake refuses a detail that has none, and detection indexes the forms.
/// </summary>
public sealed class EntityNormaliser
{
    private static readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();

    /// <summary>E.164 (<c>+32470123456</c>), or null when it cannot be a phone number.</summary>
    public string? NormalisePhone(string value, string defaultCountry)
    {
        try
        {
            var number = _phones.Parse(value, defaultCountry);
            return _phones.IsPossibleNumber(number) ? _phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static string NormaliseEmail(string value) => value.Trim().ToLowerInvariant();

    /// <summary>
    /// A web address without scheme, <c>www.</c>, query or trailing slash, lower-cased; a handle
    /// (<c>@name</c>) as <c>@name</c>. Null when it is neither.
    /// </summary>
    public string? NormaliseUrl(string value)
    {
        var text = value.Trim();
        if (text.StartsWith('@'))
        {
            var handle = text[1..];
            return handle.Length is > 0 and <= 100 && handle.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '-')
                ? "@" + handle.ToLowerInvariant()
                : null;
        }

        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !uri.Host.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        return (host + uri.AbsolutePath.TrimEnd('/')).ToLowerInvariant();
    }

    /// <summary>Letters and digits only, upper-cased (<c>1-ABC-123</c> and <c>1abc123</c> are the same plate).</summary>
    public string? NormalisePlate(string value)
    {
        var plate = new string(value.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return plate.Length is >= 2 and <= 12 ? plate : null;
    }

    /// <summary>Case, accents, punctuation and spacing removed, so "Clean-Star BV" and "CLEANSTAR bv" match.</summary>
    public static string NormaliseCompany(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
