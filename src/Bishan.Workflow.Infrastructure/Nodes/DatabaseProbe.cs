using Bishan.Workflow.Infrastructure.Persistence;
using Npgsql;

namespace Bishan.Workflow.Infrastructure.Nodes;

/// <summary>
/// A quick check, before the host starts, that the PostgreSQL database can be reached, so that a wrong or unreachable
/// connection string stops the process with one clear line instead of a stack trace from deep in the start-up work.
/// </summary>
public static class DatabaseProbe
{
    /// <summary>Long enough for a slow network, short enough that a dead host fails the start quickly.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Null when the database answers (it is created if missing), otherwise why not, in one line.</summary>
    public static async Task<string?> CheckPostgreSqlAsync(string connectionString, CancellationToken ct = default)
    {
        try
        {
            await PostgresDatabase.EnsureExistsAsync(connectionString, ct, ConnectTimeout);
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException or TimeoutException)
        {
            return Reason(e);
        }
    }

    /// <summary>The exception's message and its causes' (e.g. "Failed to connect to 127.0.0.1:1: Connection refused").</summary>
    private static string Reason(Exception e)
    {
        var parts = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            var message = current.Message.Trim().TrimEnd('.');
            if (message.Length > 0 && !parts.Any(p => p.Contains(message, StringComparison.Ordinal))) parts.Add(message);
        }
        return string.Join(": ", parts);
    }
}
