namespace Lantern.Web.Core.Files;

/// <summary>A decode slot, given back once.</summary>
internal sealed class DecodeSlot(SemaphoreSlim slots) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            slots.Release();
        }
    }
}
