namespace Lantern.Web.Platform.Crypto;

/// <summary>
/// The index key file during a rotation: the new key waits in <c>index.key.next</c> while the indexes are rebuilt
/// under it (a stopped rotation takes the same key up again), then replaces <c>index.key</c>.
/// </summary>
public static class IndexKeyFile
{
    public static string PathIn(DataDirectory dataDirectory) => Path.Combine(dataDirectory.KeysFolder, "index.key");

    /// <summary>The next index key, created on first use, owner-only.</summary>
    public static byte[] Next(DataDirectory dataDirectory) => KeyFiles.ReadOrCreateSecret(PathIn(dataDirectory) + ".next", 32);

    /// <summary>The next key becomes the index key; the old one is gone.</summary>
    public static void Promote(DataDirectory dataDirectory) => File.Move(PathIn(dataDirectory) + ".next", PathIn(dataDirectory), overwrite: true);
}
