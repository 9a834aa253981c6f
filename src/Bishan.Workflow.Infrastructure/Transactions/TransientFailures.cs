using Bishan.Workflow.Engine.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bishan.Workflow.Infrastructure.Transactions;

/// <summary>
/// The failures after which a whole use case is simply run again from the start, in a fresh transaction: it re-reads
/// what changed and either succeeds or answers with the domain's own message (e.g. "already completed"). The one place
/// that knows them, for both providers.
/// </summary>
public static class TransientFailures
{
    // PostgreSQL: serialization failure, deadlock, unique violation (a racer took the number or the row first).
    private static readonly HashSet<string> PostgresStates = [PostgresErrorCodes.SerializationFailure, PostgresErrorCodes.DeadlockDetected,
        PostgresErrorCodes.UniqueViolation, PostgresErrorCodes.LockNotAvailable];

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbUpdateConcurrencyException:
                case WorkflowConflictException:
                    return true;
                case PostgresException pg when PostgresStates.Contains(pg.SqlState):
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked
                                                 || sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                    return true;
            }
        }
        return false;
    }
}
