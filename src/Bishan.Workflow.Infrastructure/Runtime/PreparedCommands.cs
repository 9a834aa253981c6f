using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>A statement of the runtime's hot path and the names of its parameters, in binding order.</summary>
internal sealed record Statement(string Sql, params string[] Parameters);

/// <summary>
/// The commands of one open connection, each built once and then re-executed with new parameter values, so that
/// a statement is parsed and planned once per connection instead of once per call. Belongs to the connection it
/// was created for (a command only runs on the connection that created it) and is disposed with it.
/// </summary>
internal sealed class PreparedCommands(DbConnection connection) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _bySql = new(StringComparer.Ordinal);

    /// <summary>On SQLite the hot path's statements skip the ADO.NET command (<see cref="SqliteStatements"/>).</summary>
    private readonly SqliteStatements? _sqlite = connection is SqliteConnection sqlite ? new SqliteStatements(sqlite) : null;

    /// <summary>
    /// Off: SQLite also goes through ADO.NET commands, as before round five. Only for the engine benchmark's comparison of
    /// both paths in one run (issue 15); the app never changes it.
    /// </summary>
    internal static bool UseSqliteStatements { get; set; } = true;

    public DbConnection Connection => connection;

    /// <summary>Number of distinct statements built so far (bounded by the runtime's fixed set of statements).</summary>
    public int Count => _bySql.Count + (_sqlite?.Count ?? 0);

    /// <summary>Runs <paramref name="statement"/> (no rows returned) in <paramref name="transaction"/>; the rows it changed.</summary>
    public Task<int> ExecuteAsync(Statement statement, DbTransaction? transaction, CancellationToken ct, params ReadOnlySpan<object?> values) =>
        _sqlite is { } sqlite && UseSqliteStatements
            ? ct.IsCancellationRequested ? Task.FromCanceled<int>(ct) : Task.FromResult(sqlite.Execute(statement, values))
            : Bind(statement, transaction, values).ExecuteNonQueryAsync(ct);

    /// <summary>The first row of <paramref name="statement"/>, read by <paramref name="read"/>; default when there is none.</summary>
    public Task<T?> ReadFirstAsync<T>(Statement statement, DbTransaction? transaction, Func<IRuntimeRow, T> read, CancellationToken ct,
        params ReadOnlySpan<object?> values) =>
        _sqlite is { } sqlite && UseSqliteStatements
            ? ct.IsCancellationRequested ? Task.FromCanceled<T?>(ct) : Task.FromResult(sqlite.ReadFirst(statement, values, read))
            : ReadFirstAsync(Bind(statement, transaction, values), read, ct);

    private static async Task<T?> ReadFirstAsync<T>(DbCommand command, Func<IRuntimeRow, T> read, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? read(new ReaderRow(reader)) : default;
    }

    private sealed class ReaderRow(DbDataReader reader) : IRuntimeRow
    {
        public bool IsNull(int ordinal) => reader.IsDBNull(ordinal);

        public string GetString(int ordinal) => reader.GetString(ordinal);

        public int GetInt32(int ordinal) => reader.GetInt32(ordinal);

        public long GetInt64(int ordinal) => reader.GetInt64(ordinal);

        public DateTime GetDateTime(int ordinal) => reader.GetDateTime(ordinal);
    }

    /// <summary>The command for <paramref name="statement"/> in <paramref name="transaction"/> (null: autocommit), bound to <paramref name="values"/>.</summary>
    public DbCommand Bind(Statement statement, DbTransaction? transaction, params ReadOnlySpan<object?> values)
    {
        if (values.Length != statement.Parameters.Length)
            throw new ArgumentException($"{statement.Parameters.Length} values expected, {values.Length} given.", nameof(values));
        if (!_bySql.TryGetValue(statement.Sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = statement.Sql;
            foreach (var name in statement.Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            _bySql.Add(statement.Sql, command);
        }
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = ToDb(values[i]);
        return command;
    }

    /// <summary>A command of a batch for <paramref name="statement"/>, bound to <paramref name="values"/>.</summary>
    public static DbBatchCommand BatchCommand(DbBatch batch, Statement statement, IReadOnlyList<object?> values)
    {
        if (values.Count != statement.Parameters.Length)
            throw new ArgumentException($"{statement.Parameters.Length} values expected, {values.Count} given.", nameof(values));
        var command = batch.CreateBatchCommand();
        command.CommandText = statement.Sql;
        for (var i = 0; i < values.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = statement.Parameters[i];
            parameter.Value = ToDb(values[i]);
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _bySql.Values) command.Dispose();
        _bySql.Clear();
        _sqlite?.Dispose();
    }

    private static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        _ => value,
    };
}
