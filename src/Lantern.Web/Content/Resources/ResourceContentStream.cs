namespace Lantern.Web.Content.Resources;

/// <summary>
/// A resource's file as a read-only, seekable stream over its chunks: each read loads at most the chunk under the
/// position, so a range request for the end of a video reads only the last chunk.
/// </summary>
internal sealed class ResourceContentStream(LanternDbContext db, Guid resourceId, long length) : Stream
{
    private byte[]? _chunk;
    private int _chunkIndex = -1;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }

        var index = (int)(_position / Resource.ChunkBytes);
        if (index != _chunkIndex)
        {
            _chunk = await db.ResourceChunks.AsNoTracking()
                .Where(c => c.ResourceId == resourceId && c.Index == index).Select(c => c.Data).SingleAsync(cancellationToken);
            _chunkIndex = index;
        }

        var within = (int)(_position - ((long)index * Resource.ChunkBytes));
        var count = Math.Min(buffer.Length, _chunk!.Length - within);
        _chunk.AsMemory(within, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
