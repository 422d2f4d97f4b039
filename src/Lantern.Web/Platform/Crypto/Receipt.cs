using System.Security.Cryptography;
using System.Text;

namespace Lantern.Web.Platform.Crypto;

/// <summary>
/// The secret a reporter keeps to come back: 20 decimal digits from a cryptographic RNG (about 66 bits),
/// shown in groups of four. It is never stored; see docs/SECURITY.md.
/// </summary>
public readonly record struct Receipt
{
    public const int DigitCount = 20;

    private Receipt(string digits) => Digits = digits;

    /// <summary>The 20 digits without separators.</summary>
    public string Digits { get; }

    public static Receipt Generate()
    {
        Span<char> digits = stackalloc char[DigitCount];
        for (var i = 0; i < DigitCount; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        return new Receipt(new string(digits));
    }

    /// <summary>Accepts the digits with any spaces or dashes a person may type between them.</summary>
    public static bool TryParse(string? text, out Receipt receipt)
    {
        receipt = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return false;
        }

        var digits = new StringBuilder(DigitCount);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '\u00A0'))
            {
                return false;
            }
        }

        if (digits.Length != DigitCount)
        {
            return false;
        }

        receipt = new Receipt(digits.ToString());
        return true;
    }

    /// <summary>Groups of four digits separated by spaces, as shown to a person.</summary>
    public override string ToString()
    {
        var digits = Digits;
        return digits is null ? string.Empty : string.Join(' ', Enumerable.Range(0, DigitCount / 4).Select(i => digits.Substring(i * 4, 4)));
    }
}
