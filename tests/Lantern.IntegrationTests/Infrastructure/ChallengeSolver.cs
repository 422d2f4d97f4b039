using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>
/// Solves a proof-of-work challenge as docs/API.md describes it, written from the description rather than with Lantern's
/// code: the smallest counter such that SHA-256 of the challenge followed by the counter's digits starts with
/// <c>difficulty</c> zero bits. Also finds a counter that does not solve it, for the refusals.
/// </summary>
public static class ChallengeSolver
{
    public static string Solve(string challenge, int difficulty) => Find(challenge, difficulty, solves: true);

    public static string Wrong(string challenge, int difficulty) => Find(challenge, difficulty, solves: false);

    private static string Find(string challenge, int difficulty, bool solves)
    {
        for (long counter = 0; ; counter++)
        {
            var digits = counter.ToString(CultureInfo.InvariantCulture);
            var hash = SHA256.HashData(Encoding.ASCII.GetBytes(challenge + digits));
            var zeros = 0;
            while (zeros < 256 && (hash[zeros / 8] & (0x80 >> (zeros % 8))) == 0)
            {
                zeros++;
            }

            if ((zeros >= difficulty) == solves)
            {
                return digits;
            }
        }
    }
}
