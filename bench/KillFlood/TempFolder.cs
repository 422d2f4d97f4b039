namespace Lantern.Bench.KillFlood;

/// <summary>A temporary folder deleted at the end, also when the run is stopped by a signal (<see cref="Teardown"/>).</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix)
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
        Teardown.Register(this);
    }

    public string Path { get; }

    public void Dispose()
    {
        Teardown.Unregister(this);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder is not worth failing the run for.
        }
    }
}
