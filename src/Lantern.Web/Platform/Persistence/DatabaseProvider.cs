namespace Lantern.Web.Platform.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
