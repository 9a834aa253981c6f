using System.Data.Common;
using Bishan.Workflow.Web.Ui;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Bishan.Workflow.Web.Endpoints;

/// <summary>
/// A database that went away mid-request (PostgreSQL restarting or unreachable, SQLite still busy after its
/// timeout, a command timing out) answers 503 with <c>Retry-After</c>: the client may simply try again, and it must
/// not see a 500 with a stack trace. Constraint violations and other real errors are not transient and keep their
/// own mapping.
/// </summary>
internal sealed partial class DatabaseUnavailableExceptionHandler(
    IProblemDetailsService problems,
    IStringLocalizer<UiText> text,
    ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Long enough for a connection pool to reconnect or a PostgreSQL fail-over to finish.</summary>
    internal const int RetryAfterSeconds = 5;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (FindCause(exception) is not { } cause) return false;

        // One line, no stack trace: the cause is outside this process.
        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, cause.GetType().Name, cause.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = text.Or("Error.DatabaseUnavailable", "The database is temporarily unavailable"),
            },
        });
    }

    /// <summary>
    /// The transient database failure in the exception or its causes: EF wraps them (DbUpdateException,
    /// RetryLimitExceededException, "transient failure" InvalidOperationException), so the chain is searched.
    /// </summary>
    internal static Exception? FindCause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AggregateException { InnerExceptions.Count: 1 } aggregate && FindCause(aggregate.InnerExceptions[0]) is { } inner)
                return inner;
            if (IsTransient(current)) return current;
        }
        return null;
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        // Connection refused or broken, server shutting down (57P01), too many connections (53300), deadlock or
        // serialisation failure: Npgsql marks these transient. Constraint violations (class 23) never are.
        PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                                                            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or System.Net.Sockets.SocketException or TimeoutException,
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        DbException db => db.IsTransient,
        TimeoutException => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable during {Method} {Path}: {Type}: {Message}")]
    private static partial void LogUnavailable(ILogger logger, string method, PathString path, string type, string message);
}
