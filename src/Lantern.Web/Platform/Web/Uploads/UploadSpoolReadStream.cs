using System.Security.Cryptography;

namespace Lantern.Web.Platform.Web.Uploads;

/// <summary>Reads an <see cref="UploadSpool"/>'s plaintext, one decrypted chunk in memory at a time; seekable.</summary>
internal sealed class UploadSpoolReadStream(UploadSpool spool) : Stream
{
    private readonly byte[] _chunk = new byte[UploadSpool.ChunkSize];
    private readonly byte[] _sealed = new byte[UploadSpool.SealedChunkSize];
    private long _chunkIndex = -1;
    private int _chunkLength;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => spool.Length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= spool.Length || buffer.IsEmpty)
        {
            return 0;
        }

        var index = _position / UploadSpool.ChunkSize;
        if (index != _chunkIndex)
        {
            _chunkLength = spool.ReadChunk(index, _sealed, _chunk);
            _chunkIndex = index;
        }

        var within = (int)(_position - (index * UploadSpool.ChunkSize));
        var count = Math.Min(buffer.Length, _chunkLength - within);
        _chunk.AsSpan(within, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => spool.Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        CryptographicOperations.ZeroMemory(_chunk);
        base.Dispose(disposing);
    }
}
