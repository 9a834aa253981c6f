using Npgsql;

namespace Bishan.Workflow.NodeTests;

/// <summary>
/// A fresh database <c>twonode_&lt;guid&gt;</c> on the server named by <c>BISHAN_TEST_POSTGRES</c>, dropped afterwards.
/// Without the variable the facts fail, never skip: a missing server must not turn the several-nodes facts green.
/// </summary>
internal sealed class SharedDatabase : IAsyncDisposable
{
    public const string ServerVariable = "BISHAN_TEST_POSTGRES";

    private readonly string _server;

    private SharedDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>What both nodes get as <c>ConnectionStrings:Bishan</c>.</summary>
    public string ConnectionString { get; }

    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException(
            $"The environment variable {ServerVariable} is not set. The node tests need a PostgreSQL server on which they may " +
            $"create and drop databases, e.g. {ServerVariable}=\"Host=127.0.0.1;Port=55432;Username=postgres\". They never skip.");

    public static async Task<SharedDatabase> CreateAsync()
    {
        var server = Server;
        var name = "twonode_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{name}\"");
        return new SharedDatabase(server, name);
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The rows of a query, each as column name → value (DBNull as null).</summary>
    public async Task<List<Dictionary<string, object?>>> RowsAsync(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        // The nodes' pools are in other processes (killed by now); ours must let go too before the drop.
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync(_server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        // Positional parameters ($1, $2, ...), so the facts never build SQL from values.
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
