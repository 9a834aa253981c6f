using Npgsql;

namespace Bishan.Workflow.Infrastructure.Nodes;

/// <summary>Opening, and if need be creating, the database a PostgreSQL connection string names.</summary>
internal static class PostgresDatabase
{
    private const string InvalidCatalogName = "3D000";
    private const string DuplicateDatabase = "42P04";

    /// <summary>
    /// Creates the database if it does not exist (EF's Migrate would do so too, but the start-up lock needs it first).
    /// Two nodes creating it at the same moment are fine: the loser sees 42P04 and goes on.
    /// </summary>
    public static async Task EnsureExistsAsync(string connectionString, CancellationToken ct, TimeSpan? connectTimeout = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (connectTimeout is { } timeout) builder.Timeout = Math.Min(builder.Timeout, (int)timeout.TotalSeconds);
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == InvalidCatalogName && builder.Database is { Length: > 0 } name)
        {
            var maintenance = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", connection);
            try
            {
                await create.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException duplicate) when (duplicate.SqlState == DuplicateDatabase)
            {
                // Another node created it first.
            }
        }
    }
}
