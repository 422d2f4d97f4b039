namespace Lantern.Web.Platform.Persistence;

/// <summary>
/// SQLite has one writer at a time. Queuing writers here, in order, is cheaper and fairer than letting
/// them collide on the database lock and retry; on PostgreSQL the gate lets everyone through.
/// </summary>
public sealed class WriteGate(bool serialise) : IDisposable
{
    private readonly SemaphoreSlim? _gate = serialise ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (_gate is null)
        {
            return NoGate.Instance;
        }

        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    public void Dispose() => _gate?.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }
    }
}
