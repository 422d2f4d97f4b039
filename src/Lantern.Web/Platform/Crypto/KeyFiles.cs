using System.Security.Cryptography;

namespace Lantern.Web.Platform.Crypto;

/// <summary>Reads and creates key files with owner-only permissions.</summary>
internal static class KeyFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static byte[] ReadOrCreateSecret(string path, int length)
    {
        if (File.Exists(path))
        {
            var secret = Convert.FromBase64String(File.ReadAllText(path).Trim());
            if (secret.Length != length)
            {
                throw new InvalidOperationException($"The key file {path} does not hold {length} bytes.");
            }

            return secret;
        }

        var created = RandomNumberGenerator.GetBytes(length);
        WriteOwnerOnly(path, Convert.ToBase64String(created));
        return created;
    }

    public static void WriteOwnerOnly(string path, string content)
    {
        // Create the file empty with owner-only permissions before any secret is written to it.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }
}
