using System.Globalization;
using Npgsql;

namespace Bishan.Workflow.IntegrationTests.Nodes;

/// <summary>
/// A fresh database <c>nodes_&lt;guid&gt;</c> on the server named by the environment variable
/// <c>BISHAN_TEST_POSTGRES</c>, dropped afterwards. Without the variable the test fails, never skips: a missing
/// server must not turn the several-nodes facts green.
/// </summary>
internal sealed class TestPostgres : IAsyncDisposable
{
    public const string ServerVariable = "BISHAN_TEST_POSTGRES";

    private readonly string _server;

    private TestPostgres(string server, string database)
    {
        _server = server;
        DatabaseName = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    public string DatabaseName { get; }
    public string ConnectionString { get; }

    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException(
            $"Set {ServerVariable} to a PostgreSQL server the tests may create databases on, e.g. " +
            $"{ServerVariable}=\"Host=127.0.0.1;Port=55432;Username=postgres\". These tests never skip.");

    public static async Task<TestPostgres> CreateAsync()
    {
        var server = Server;
        var database = "nodes_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        return new TestPostgres(server, database);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
