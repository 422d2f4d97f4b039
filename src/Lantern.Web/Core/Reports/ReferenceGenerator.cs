using System.Security.Cryptography;

namespace Lantern.Web.Core.Reports;

/// <summary>Public references like <c>LT-4F7K-9QXM</c>: 40 random bits in Crockford's base32 (no I, L, O, U).</summary>
public static class ReferenceGenerator
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A report reference, <c>LT-XXXX-XXXX</c>.</summary>
    public static string Next() => Next("LT");

    /// <summary>A reference with another prefix (cases are <c>CS-XXXX-XXXX</c>).</summary>
    public static string Next(string prefix)
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return string.Concat(prefix + "-", chars[..4], "-", chars[4..]);
    }
}
