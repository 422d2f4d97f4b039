using System.Security.Cryptography;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Core.Files;

/// <summary>
/// The plaintext of a stored file, read and decrypted one chunk at a time (only one chunk is ever held).
/// Seekable, so an image decoder can jump about without the whole file in memory. A chunk that was altered,
/// moved or removed, or a file shorter than recorded, throws <see cref="CryptographicException"/>; in the bound format
/// (<see cref="ReportFileFormat.Bound"/>) so does a chunk of another file, or a file cut or extended together with its row.
/// Owns its database scope and its copy of the data key (zeroed on dispose).
/// </summary>
public sealed class ReportFileReadStream : Stream
{
    private readonly AsyncServiceScope _scope;
    private readonly LanternDbContext _db;
    private readonly byte[] _dataKey;
    private readonly Guid _reportId;
    private readonly ReportFile _file;
    private readonly int _firstSequence;
    private readonly int _chunkCount;
    private readonly long _length;
    private byte[] _chunk = [];
    private int _chunkIndex = -1;
    private int _chunkSize;
    private long _position;

    internal ReportFileReadStream(IServiceScopeFactory scopes, ReadOnlySpan<byte> dataKey, Guid reportId, ReportFile file)
    {
        _scope = scopes.CreateAsyncScope();
        _db = _scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        _dataKey = dataKey.ToArray();
        _reportId = reportId;
        _file = file;
        _firstSequence = file.FirstChunkSequence;
        _chunkCount = file.ChunkCount;
        _length = file.Length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!EnsureChunk(sync: true, CancellationToken.None).IsCompleted)
        {
            throw new InvalidOperationException("Synchronous read did not complete.");
        }

        return CopyOut(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await EnsureChunk(sync: false, cancellationToken);
        return CopyOut(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CryptographicOperations.ZeroMemory(_chunk);
            CryptographicOperations.ZeroMemory(_dataKey);
            _scope.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        CryptographicOperations.ZeroMemory(_chunk);
        CryptographicOperations.ZeroMemory(_dataKey);
        await _scope.DisposeAsync();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private int CopyOut(Span<byte> buffer)
    {
        if (_position >= _length || _chunkIndex < 0)
        {
            return 0;
        }

        var within = (int)(_position - ((long)_chunkIndex * _chunkSize));
        var n = Math.Min(buffer.Length, _chunk.Length - within);
        _chunk.AsSpan(within, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    private async Task EnsureChunk(bool sync, CancellationToken cancellationToken)
    {
        if (_position >= _length)
        {
            return;
        }

        if (_chunkSize == 0)
        {
            await LoadAsync(0, sync, cancellationToken);
            _chunkSize = _chunk.Length;
        }

        var index = (int)(_position / _chunkSize);
        if (index != _chunkIndex)
        {
            await LoadAsync(index, sync, cancellationToken);
        }
    }

    private async Task LoadAsync(int index, bool sync, CancellationToken cancellationToken)
    {
        if (index >= _chunkCount)
        {
            throw new CryptographicException("The file has fewer chunks than recorded.");
        }

        var sequence = _firstSequence + index;
        var query = _db.ReportItems.AsNoTracking()
            .Where(i => i.ReportId == _reportId && i.Kind == (int)ItemKind.FileChunk && i.Sequence == sequence)
            .Select(i => i.Ciphertext);
        var ciphertext = (sync ? query.FirstOrDefault() : await query.FirstOrDefaultAsync(cancellationToken))
            ?? throw new CryptographicException("A chunk of the file is missing.");
        var plaintext = _file.Format switch
        {
            // The chunk says which file it belongs to, where in it, and whether the file ends with it.
            ReportFileFormat.Bound => ItemCipher.Decrypt(_dataKey, _reportId, ItemKind.FileChunk, sequence, FileBinding.Chunk(_file, index, last: index == _chunkCount - 1), ciphertext),
            ReportFileFormat.Legacy => ItemCipher.Decrypt(_dataKey, _reportId, ItemKind.FileChunk, sequence, ciphertext),
            _ => throw new CryptographicException("Unknown file format."),
        };
        var expected = index == _chunkCount - 1 ? _length - ((long)index * (_chunkSize == 0 ? plaintext.Length : _chunkSize)) : (_chunkSize == 0 ? plaintext.Length : _chunkSize);
        if (plaintext.Length != expected || plaintext.Length == 0)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw new CryptographicException("A chunk of the file has the wrong length.");
        }

        CryptographicOperations.ZeroMemory(_chunk);
        _chunk = plaintext;
        _chunkIndex = index;
    }
}
