namespace Lantern.Web.Platform.Persistence;

/// <summary><c>Lantern:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Lantern:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
