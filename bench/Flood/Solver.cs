using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lantern.Bench.Flood;

/// <summary>
/// The work a client does for a challenge (docs/API.md): the smallest counter such that SHA-256 of the challenge followed
/// by the counter's digits starts with <c>difficulty</c> zero bits. Written from the description, not with Lantern's code.
/// </summary>
internal static class Solver
{
    public static string Solve(string challenge, int difficulty)
    {
        var prefix = Encoding.ASCII.GetBytes(challenge);
        Span<byte> message = stackalloc byte[prefix.Length + 20];
        prefix.CopyTo(message);
        Span<byte> hash = stackalloc byte[32];
        for (long counter = 0; ; counter++)
        {
            counter.TryFormat(message[prefix.Length..], out var written, provider: CultureInfo.InvariantCulture);
            SHA256.HashData(message[..(prefix.Length + written)], hash);
            if (LeadingZeroBits(hash) >= difficulty)
            {
                return counter.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static int LeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        var bits = 0;
        foreach (var b in hash)
        {
            if (b != 0)
            {
                return bits + System.Numerics.BitOperations.LeadingZeroCount((uint)b) - 24;
            }

            bits += 8;
        }

        return bits;
    }
}
