using System.Buffers.Binary;
using System.Buffers.Text;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Lantern.Web.Platform.Web.Floods;

/// <summary>
/// Hashcash-like challenges that keep no state on the server. A challenge is a token of 40 URL-safe base64 characters:
/// 30 bytes = version (1), random nonce (12), issue time in Unix seconds (4, big-endian), difficulty (1) and an
/// HMAC-SHA-256 of those 18 bytes under <see cref="ChallengeKey"/>, cut to 12 bytes. Any node holding the same data-protection key checks
/// any node's challenge. A solution is a counter, written in decimal digits, such that SHA-256 of the token's characters
/// followed by the counter's digits starts with <c>difficulty</c> zero bits. The token is 40 characters so that the
/// message with a counter of up to 15 digits fits one SHA-256 block: one compression per try in the browser's solver.
/// <para>Whether a challenge was already used is not in the token: see <see cref="SpentChallenges"/>.</para>
/// </summary>
public sealed class ProofOfWork(ChallengeKey key, IOptions<FloodOptions> options, TimeProvider clock)
{
    /// <summary>The header that carries a solution to the API: <c>challenge:counter</c>.</summary>
    public const string Header = "Lantern-Proof-Of-Work";

    public const int TokenLength = 40;

    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int SignedBytes = 1 + NonceBytes + 4 + 1;
    private const int MacBytes = 12;
    private const int MaxAnswerDigits = 15;

    public FloodOptions Options => options.Value;

    /// <summary>The time challenges are dated and judged by.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>A new challenge at the configured difficulty, issued now.</summary>
    public Challenge Issue()
    {
        Span<byte> bytes = stackalloc byte[SignedBytes + MacBytes];
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var issued = clock.GetUtcNow().ToUnixTimeSeconds();
        bytes[0] = Version;
        nonce.CopyTo(bytes[1..]);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[(1 + NonceBytes)..], (uint)issued);
        bytes[SignedBytes - 1] = (byte)Options.Difficulty;
        Sign(bytes[..SignedBytes], bytes[SignedBytes..]);
        var token = Base64Url.EncodeToString(bytes);
        return new Challenge(token, nonce, DateTimeOffset.FromUnixTimeSeconds(issued), Options.Difficulty);
    }

    /// <summary>The challenge a token stands for, or null when this key never issued it (malformed, altered, forged).</summary>
    public Challenge? Read(string? token)
    {
        if (token is null || token.Length != TokenLength)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[SignedBytes + MacBytes];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != bytes.Length || bytes[0] != Version)
        {
            return null;
        }

        Span<byte> mac = stackalloc byte[MacBytes];
        Sign(bytes[..SignedBytes], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, bytes[SignedBytes..]))
        {
            return null;
        }

        var issued = BinaryPrimitives.ReadUInt32BigEndian(bytes[(1 + NonceBytes)..]);
        return new Challenge(token, bytes.Slice(1, NonceBytes).ToArray(), DateTimeOffset.FromUnixTimeSeconds(issued), bytes[SignedBytes - 1]);
    }

    /// <summary>When the challenge may no longer be answered.</summary>
    public DateTimeOffset ExpiresAt(Challenge challenge) => challenge.IssuedAt.AddMinutes(Options.ChallengeLifetimeMinutes);

    /// <summary>
    /// Judges a posted challenge and answer without touching the database. With <paramref name="acceptWaited"/> (the
    /// questionnaire without JavaScript) an unsolved challenge issued at least <see cref="FloodOptions.NoScriptWaitSeconds"/>
    /// ago is accepted too; the API never waits.
    /// </summary>
    public ChallengeCheck Judge(string? token, string? answer, bool acceptWaited)
    {
        if (string.IsNullOrEmpty(token))
        {
            return new ChallengeCheck(ChallengeVerdict.Missing, null, TimeSpan.Zero);
        }

        if (Read(token) is not { } challenge)
        {
            return new ChallengeCheck(ChallengeVerdict.Forged, null, TimeSpan.Zero);
        }

        var now = clock.GetUtcNow();
        // A minute of grace for a node whose clock runs behind the one that issued the challenge.
        if (now >= ExpiresAt(challenge) || challenge.IssuedAt > now.AddMinutes(1))
        {
            return new ChallengeCheck(ChallengeVerdict.Expired, challenge, TimeSpan.Zero);
        }

        if (IsSolution(token, answer, challenge.Difficulty))
        {
            return new ChallengeCheck(ChallengeVerdict.Solved, challenge, TimeSpan.Zero);
        }

        var wait = challenge.IssuedAt.AddSeconds(Options.NoScriptWaitSeconds) - now;
        return acceptWaited && wait <= TimeSpan.Zero
            ? new ChallengeCheck(ChallengeVerdict.Waited, challenge, TimeSpan.Zero)
            : new ChallengeCheck(ChallengeVerdict.NotSolved, challenge, acceptWaited ? wait : TimeSpan.Zero);
    }

    /// <summary>Whether SHA-256 of the token followed by the answer's digits starts with <paramref name="difficulty"/> zero bits.</summary>
    public static bool IsSolution(string token, string? answer, int difficulty)
    {
        if (string.IsNullOrEmpty(answer) || answer.Length > MaxAnswerDigits || !answer.All(char.IsAsciiDigit) || token.Length != TokenLength)
        {
            return false;
        }

        Span<byte> message = stackalloc byte[TokenLength + MaxAnswerDigits];
        var length = Encoding.ASCII.GetBytes(token, message);
        length += Encoding.ASCII.GetBytes(answer, message[length..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(message[..length], hash);
        return LeadingZeroBits(hash) >= difficulty;
    }

    /// <summary>How many zero bits the hash starts with.</summary>
    public static int LeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        var bits = 0;
        foreach (var b in hash)
        {
            if (b != 0)
            {
                return bits + BitOperations.LeadingZeroCount((uint)b) - 24;
            }

            bits += 8;
        }

        return bits;
    }

    private void Sign(ReadOnlySpan<byte> signed, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key.Key, signed, full);
        full[..MacBytes].CopyTo(mac);
    }
}
