using System.CommandLine;
using Lantern.Web.Platform;
using Lantern.Web.Platform.Persistence;
using Microsoft.Data.Sqlite;

namespace Lantern.Web.Hosting;

/// <summary>
/// <c>backup database|keys --to</c> and <c>restore database|keys --from</c>: the data and the keys that open it are
/// copied to two different places, so that a stolen database backup opens nothing (docs/OPERATIONS.md, "Backup and
/// restore"). The database backup is SQLite's online backup, consistent while Lantern runs; PostgreSQL has pg_dump.
/// A restore goes into a stopped Lantern and never overwrites without <c>--replace</c>.
/// </summary>
public static class BackupCommands
{
    /// <summary>Restoring must not first create a database and keys of its own: these commands skip the preparation.</summary>
    public static bool IsRestore(string[] args) => args.Length > 0 && args[0] == "restore";

    public static IEnumerable<Command> Create(WebApplication app, TextWriter output, TextWriter error)
    {
        var data = app.Services.GetRequiredService<DataDirectory>();
        var provider = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
        var to = new Option<string>("--to") { Description = "Where to write the copy (a new file or an empty folder).", Required = true };
        var from = new Option<string>("--from") { Description = "The copy to restore.", Required = true };
        var replace = new Option<bool>("--replace") { Description = "Replace what the data directory already holds." };

        var backupDatabase = new Command("database", "Copy the SQLite database while Lantern runs (online backup) to a new file. PostgreSQL: use pg_dump.") { to };
        backupDatabase.SetAction(async (result, cancellationToken) =>
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                await error.WriteLineAsync("The database is PostgreSQL: back it up with pg_dump -Fc (docs/OPERATIONS.md).");
                return 2;
            }

            var target = Path.GetFullPath(result.GetValue(to)!);
            if (File.Exists(target))
            {
                await error.WriteLineAsync($"{target} exists already: choose a new file.");
                return 2;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var scope = app.Services.CreateAsyncScope())
            await using (var source = new SqliteConnection(scope.ServiceProvider.GetRequiredService<Core.Persistence.LanternDbContext>().Database.GetConnectionString()))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
            {
                await source.OpenAsync(cancellationToken);
                await copy.OpenAsync(cancellationToken);
                source.BackupDatabase(copy);
            }

            OwnerOnly(target);
            await output.WriteLineAsync($"Database copied to {target}. The keys are not in it: back them up apart with 'backup keys'.");
            return 0;
        });

        var backupKeys = new Command("keys", "Copy the keys folder (staff, index, audit, receipt and data-protection keys) to a new or empty folder, kept apart from the database backup.") { to };
        backupKeys.SetAction(async (result, _) =>
        {
            var target = Path.GetFullPath(result.GetValue(to)!);
            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            {
                await error.WriteLineAsync($"{target} is not empty: choose a new or empty folder.");
                return 2;
            }

            var copied = CopyFolder(data.KeysFolder, target);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{copied} key files copied to {target}. Keep them apart from the database backup."));
            return 0;
        });

        var restoreDatabase = new Command("database", "Put a database copy made by 'backup database' in place (Lantern stopped). PostgreSQL: use pg_restore.") { from, replace };
        restoreDatabase.SetAction(async (result, cancellationToken) =>
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                await error.WriteLineAsync("The database is PostgreSQL: restore it with pg_restore (docs/OPERATIONS.md).");
                return 2;
            }

            var source = Path.GetFullPath(result.GetValue(from)!);
            if (!File.Exists(source))
            {
                await error.WriteLineAsync($"No file {source}.");
                return 2;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var target = new SqliteConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<Core.Persistence.LanternDbContext>().Database.GetConnectionString()).DataSource;
            if (File.Exists(target) && !result.GetValue(replace))
            {
                await error.WriteLineAsync($"{target} exists: add --replace to overwrite it (with Lantern stopped).");
                return 2;
            }

            // A stale write-ahead log beside the restored file would be replayed into it.
            foreach (var stale in new[] { target, target + "-wal", target + "-shm" }.Where(File.Exists))
            {
                File.Delete(stale);
            }

            // Through SQLite's backup, not a file copy: a file that is not a database is refused here, not at the next start.
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            await using (var restored = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
            {
                await copy.OpenAsync(cancellationToken);
                await restored.OpenAsync(cancellationToken);
                copy.BackupDatabase(restored);
            }

            OwnerOnly(target);
            await output.WriteLineAsync($"Database restored to {target}. Restore the keys too ('restore keys'), then start Lantern.");
            return 0;
        });

        var restoreKeys = new Command("keys", "Put a keys folder copied by 'backup keys' in place (Lantern stopped).") { from, replace };
        restoreKeys.SetAction(async (result, _) =>
        {
            var source = Path.GetFullPath(result.GetValue(from)!);
            if (!Directory.Exists(source) || !Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Any())
            {
                await error.WriteLineAsync($"No key files in {source}.");
                return 2;
            }

            if (Directory.EnumerateFiles(data.KeysFolder, "*", SearchOption.AllDirectories).Any() && !result.GetValue(replace))
            {
                await error.WriteLineAsync($"{data.KeysFolder} holds keys: add --replace to overwrite them (with Lantern stopped). Keys replaced by others open nothing stored under them.");
                return 2;
            }

            var copied = CopyFolder(source, data.KeysFolder);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{copied} key files restored to {data.KeysFolder}."));
            return 0;
        });

        return
        [
            new Command("backup", "Copy the database and, apart, the keys.") { backupDatabase, backupKeys },
            new Command("restore", "Put a backup in place (Lantern stopped).") { restoreDatabase, restoreKeys },
        ];
    }

    private static int CopyFolder(string source, string target)
    {
        DataDirectory.CreateOwnerOnly(target);
        var copied = 0;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            DataDirectory.CreateOwnerOnly(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
            OwnerOnly(destination);
            copied++;
        }

        return copied;
    }

    private static void OwnerOnly(string file)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
