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
    private const int TagSize = 16;

    private readonly SafeFileHandle _file;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly AesGcm _cipher;
    private readonly Lock _gate = new();
    private bool _disposed;

    public UploadSpool(string directory)
    {
        if (!Directory.Exists(directory))
        {
            // Only when Lantern creates it (a configured folder of its own): owner-only, like the data directory.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        var path = Path.Combine(directory, "lantern-upload-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        _file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        _cipher = new AesGcm(_key, TagSize);
    }

    /// <summary>The plaintext length written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Copies <paramref name="source"/> into the spool, encrypting chunk by chunk; at most <paramref name="limit"/> bytes.</summary>
    /// <exception cref="UploadTooLargeException">The upload goes beyond <paramref name="limit"/>.</exception>
    public async Task WriteAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        var plain = new byte[ChunkSize];
        var sealedChunk = new byte[ChunkSize + TagSize];
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
                    await RandomAccess.WriteAsync(_file, sealedChunk.AsMemory(0, read + TagSize), index * (ChunkSize + TagSize), cancellationToken);
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

    /// <summary>Decrypts chunk <paramref name="index"/> into <paramref name="destination"/> and returns its length.</summary>
    internal int ReadChunk(long index, byte[] destination)
    {
        var length = (int)Math.Min(ChunkSize, Length - (index * ChunkSize));
        if (length <= 0)
        {
            return 0;
        }

        var sealedChunk = new byte[length + TagSize];
        var read = RandomAccess.Read(_file, sealedChunk, index * (ChunkSize + TagSize));
        if (read != sealedChunk.Length)
        {
            throw new IOException("The upload spool is shorter than what was written to it.");
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _cipher.Decrypt(Nonce(index), sealedChunk.AsSpan(0, length), sealedChunk.AsSpan(length), destination.AsSpan(0, length));
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

/// <summary>The spool could not be written (a full or failing disk): a server error.</summary>
public sealed class UploadSpoolException(IOException inner) : InvalidOperationException("The upload could not be held for the request.", inner);

/// <summary>An upload beyond the request's limit.</summary>
public sealed class UploadTooLargeException : Exception
{
    public UploadTooLargeException()
        : base("The upload is larger than this form accepts.")
    {
    }
}
