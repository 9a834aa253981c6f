using System.Data.Common;

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

    public DbConnection Connection => connection;

    /// <summary>Number of distinct statements built so far (bounded by the runtime's fixed set of statements).</summary>
    public int Count => _bySql.Count;

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
    }

    private static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        _ => value,
    };
}
