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
        CreateOwnerOnly(Root);
        KeysFolder = Path.Combine(Root, "keys");
        CreateOwnerOnly(KeysFolder);
        DataProtectionFolder = Path.Combine(KeysFolder, "data-protection");
        CreateOwnerOnly(DataProtectionFolder);
    }

    public string Root { get; }

    public string KeysFolder { get; }

    /// <summary>ASP.NET Core Data Protection's key ring (questionnaire drafts, the receipt hand-off cookie).</summary>
    public string DataProtectionFolder { get; }

    public string DefaultSqlitePath => Path.Combine(Root, "lantern.db");

    /// <summary>Creates a folder only its owner can enter (0700); an existing folder is left as the operator set it.</summary>
    public static void CreateOwnerOnly(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
