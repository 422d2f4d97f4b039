using Microsoft.Extensions.Options;

namespace Lantern.Web.Platform;

/// <summary>The resolved data directory: the database file and the keys folder live here.</summary>
public sealed class DataDirectory
{
    public DataDirectory(IOptions<LanternOptions> options, IHostEnvironment environment)
    {
        var configured = options.Value.DataDirectory;
        Root = Path.GetFullPath(Path.IsPathRooted(configured)
            ? configured
            : Path.Combine(environment.ContentRootPath, configured));
        Directory.CreateDirectory(Root);
        KeysFolder = Path.Combine(Root, "keys");
        if (!Directory.Exists(KeysFolder))
        {
            Directory.CreateDirectory(KeysFolder);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(KeysFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    public string Root { get; }

    public string KeysFolder { get; }

    public string DefaultSqlitePath => Path.Combine(Root, "lantern.db");
}
