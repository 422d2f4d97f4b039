using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lantern.Web.Platform.Persistence;

/// <summary>What a database error means for the writer that met it, the same on SQLite and PostgreSQL.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// A unique index refused the row: another writer took the same number at the same moment. Where the number is
    /// "one past the highest stored", reading it again gives a higher one, so trying again always gets through.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// The database could not take this write now although nothing is wrong with it: SQLite still busy or locked after
    /// its busy timeout, or PostgreSQL refusing it for a serialization failure, a deadlock or a lock it could not get.
    /// Answered 503 with Retry-After (the request may simply be sent again), never 500.
    /// </summary>
    public static bool IsContention(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked:
                    return true;
                case PostgresException postgres when postgres.SqlState is PostgresErrorCodes.SerializationFailure
                    or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable:
                    return true;
            }
        }

        return false;
    }
}
