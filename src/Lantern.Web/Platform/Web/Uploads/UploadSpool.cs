using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Lantern.Web.Platform.Web.Uploads;

/// <summary>
/// One uploaded file held for the length of a request in a temporary file that only this process can read:
/// the bytes are encrypted in 64 KiB chunks with AES-256-GCM under a random key that lives in memory only
/// (zeroed on dispose), and the file is deleted when the handle closes, even if the process dies. A copy of
/// the disk, taken during the request or after it, reveals nothing of the upload. This replaces ASP.NET Core's
/// own form buffering, which spools uploads above 64 KiB to a temporary file in the clear.
/// </summary>
public sealed class UploadSpool : IDisposable
{
    public const int ChunkSize = 64 * 1024;

    /// <summary>A chunk as stored: its ciphertext and the GCM tag.</summary>
    internal const int SealedChunkSize = ChunkSize + TagSize;

    private const int TagSize = 16;

    private readonly SafeFileHandle _file;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly AesGcm _cipher;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <param name="directory">An existing folder (<see cref="PrepareDirectory"/>).</param>
    public UploadSpool(string directory)
    {
        var path = Path.Combine(directory, "lantern-upload-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        _file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        _cipher = new AesGcm(_key, TagSize);
    }

    /// <summary>
    /// Creates the spool folder once, when it does not exist yet (a configured folder of Lantern's own): owner-only,
    /// like the data directory. Returns it.
    /// </summary>
    public static string PrepareDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return directory;
    }

    /// <summary>The plaintext length written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Copies <paramref name="source"/> into the spool, encrypting chunk by chunk; at most <paramref name="limit"/> bytes.</summary>
    /// <exception cref="UploadTooLargeException">The upload goes beyond <paramref name="limit"/>.</exception>
    public async Task WriteAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        var plain = new byte[ChunkSize];
        var sealedChunk = new byte[SealedChunkSize];
        try
        {
            int read;
            while ((read = await source.ReadAtLeastAsync(plain, ChunkSize, throwOnEndOfStream: false, cancellationToken)) > 0)
            {
                if (Length + read > limit)
                {
                    throw new UploadTooLargeException();
                }

                var index = Length / ChunkSize;
                Encrypt(index, plain.AsSpan(0, read), sealedChunk.AsSpan(0, read + TagSize));
                try
                {
                    await RandomAccess.WriteAsync(_file, sealedChunk.AsMemory(0, read + TagSize), index * SealedChunkSize, cancellationToken);
                }
                catch (IOException exception)
                {
                    // The server's disk, not the sender's request: kept apart from the IOExceptions of a cut-short body.
                    throw new UploadSpoolException(exception);
                }

                Length += read;
                if (read < ChunkSize)
                {
                    break;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>A new stream over the plaintext, from the start; several may be opened one after the other.</summary>
    public Stream OpenRead() => new UploadSpoolReadStream(this);

    /// <summary>
    /// Decrypts chunk <paramref name="index"/> into <paramref name="destination"/> and returns its length;
    /// <paramref name="sealedChunk"/> (<see cref="SealedChunkSize"/> bytes) is the reader's buffer for the ciphertext.
    /// </summary>
    internal int ReadChunk(long index, byte[] sealedChunk, byte[] destination)
    {
        var length = (int)Math.Min(ChunkSize, Length - (index * ChunkSize));
        if (length <= 0)
        {
            return 0;
        }

        var read = RandomAccess.Read(_file, sealedChunk.AsSpan(0, length + TagSize), index * SealedChunkSize);
        if (read != length + TagSize)
        {
            throw new IOException("The upload spool is shorter than what was written to it.");
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _cipher.Decrypt(Nonce(index), sealedChunk.AsSpan(0, length), sealedChunk.AsSpan(length, TagSize), destination.AsSpan(0, length));
        }

        return length;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _cipher.Dispose();
            CryptographicOperations.ZeroMemory(_key);
        }

        _file.Dispose();
    }

    private void Encrypt(long index, ReadOnlySpan<byte> plain, Span<byte> destination)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _cipher.Encrypt(Nonce(index), plain, destination[..plain.Length], destination[plain.Length..]);
        }
    }

    /// <summary>The chunk's index as nonce: unique per chunk, and the key is used for this one spool only.</summary>
    private static byte[] Nonce(long index)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteInt64BigEndian(nonce.AsSpan(4), index);
        return nonce;
    }
}
