using System.Security.Cryptography;
using System.Text;

namespace Lantern.Web.Platform.Crypto;

/// <summary>
/// Derives the verifier and the wrapping key from a receipt: one PBKDF2-SHA256 run with a work factor,
/// then HMAC under the pepper (kept outside the database) for each output. The verifier doubles as the
/// lookup key, so it is derived with a fixed salt: with 66-bit receipts and a 256-bit pepper, a copy of
/// the database alone cannot be searched (docs/SECURITY.md). Derivations run with bounded concurrency
/// so that a flood of attempts queues instead of exhausting the machine.
/// </summary>
public sealed class ReceiptDeriver : IDisposable
{
    /// <summary>Format version 1: the iteration count is part of the format and never changes within it.</summary>
    public const int Iterations = 5_000;

    private static readonly byte[] _salt = Encoding.ASCII.GetBytes("lantern/receipt/v1");
    private static readonly byte[] _verifierLabel = Encoding.ASCII.GetBytes("lantern/receipt/verifier/v1");
    private static readonly byte[] _wrappingLabel = Encoding.ASCII.GetBytes("lantern/receipt/wrapping/v1");

    private readonly byte[] _pepper;
    private readonly SemaphoreSlim _slots;

    public ReceiptDeriver(KeyRing keys)
    {
        _pepper = keys.ReceiptPepper;
        _slots = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
    }

    public async Task<ReceiptKeys> DeriveAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return Derive(receipt, _pepper);
        }
        finally
        {
            _slots.Release();
        }
    }

    public static ReceiptKeys Derive(Receipt receipt, byte[] pepper)
    {
        var stretched = Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(receipt.Digits), _salt, Iterations, HashAlgorithmName.SHA256, 32);
        var verifier = Label(pepper, _verifierLabel, stretched);
        var wrapping = Label(pepper, _wrappingLabel, stretched);
        CryptographicOperations.ZeroMemory(stretched);
        return new ReceiptKeys(verifier, wrapping);
    }

    public void Dispose() => _slots.Dispose();

    private static byte[] Label(byte[] pepper, byte[] label, byte[] stretched)
    {
        var input = new byte[label.Length + stretched.Length];
        label.CopyTo(input, 0);
        stretched.CopyTo(input, label.Length);
        return HMACSHA256.HashData(pepper, input);
    }
}
