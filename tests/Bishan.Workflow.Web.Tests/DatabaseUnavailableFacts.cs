using Bishan.Workflow.Web.Endpoints;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bishan.Workflow.Web.Tests;

/// <summary>Which exceptions mean "the database is away, try again" (503) and which are real errors.</summary>
public sealed class DatabaseUnavailableFacts
{
    public static TheoryData<string, Exception> Transient => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111)) },
        { "broken stream", new NpgsqlException("Exception while reading from stream", new IOException("reset")) },
        { "server shutting down", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "too many connections", new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300") },
        { "wrapped by EF", new DbUpdateException("save failed", new NpgsqlException("Exception while writing to stream", new IOException("broken pipe"))) },
        { "transient failure wrapper", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Failed to connect", new TimeoutException())) },
        { "SQLite busy", new SqliteException("database is locked", 5) },
        { "command timeout", new TimeoutException("The operation has timed out.") },
    };

    public static TheoryData<string, Exception> NotTransient => new()
    {
        { "unique violation", new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505") },
        { "unique violation via EF", new DbUpdateException("save failed", new PostgresException("duplicate key", "ERROR", "ERROR", "23505")) },
        { "syntax error", new PostgresException("syntax error", "ERROR", "ERROR", "42601") },
        { "SQLite constraint", new SqliteException("UNIQUE constraint failed", 19) },
        { "plain bug", new InvalidOperationException("Sequence contains no elements") },
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public void TransientDatabaseFailures_Answer503(string name, Exception exception) =>
        Assert.True(DatabaseUnavailableExceptionHandler.FindCause(exception) is not null, name);

    [Theory]
    [MemberData(nameof(NotTransient))]
    public void OtherErrors_KeepTheirOwnMapping(string name, Exception exception) =>
        Assert.True(DatabaseUnavailableExceptionHandler.FindCause(exception) is null, name);
}
