using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// The runtime's hot-path statements on SQLite, prepared once per connection and run through SQLite's own interface
/// (issue 15, engine round five): parameters bound by position, the position of each name looked up once when the
/// statement is prepared. Microsoft.Data.Sqlite looks every parameter up by its name on every execution (a UTF-8 copy of
/// the name and a linear search, ~50 of them per journal statement) and builds a reader per statement; here a statement
/// is bound, stepped and reset. Statements run on the connection's handle, so inside whatever transaction the connection
/// has open; waiting for the write lock is SQLite's own (<c>busy_timeout</c>, set on every connection).
/// </summary>
internal sealed class SqliteStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, Prepared> _bySql = new(StringComparer.Ordinal);
    private sqlite3? _handle;

    public int Count => _bySql.Count;

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public int Execute(Statement statement, ReadOnlySpan<object?> values)
    {
        var stmt = BindValues(statement, values);
        try
        {
            var rc = raw.sqlite3_step(stmt);
            while (rc == raw.SQLITE_ROW) rc = raw.sqlite3_step(stmt);
            if (rc != raw.SQLITE_DONE) throw Error(rc);
            return raw.sqlite3_changes(_handle);
        }
        finally
        {
            raw.sqlite3_reset(stmt);
        }
    }

    /// <summary>The first row of a query, read by <paramref name="read"/>; default when there is none.</summary>
    public T? ReadFirst<T>(Statement statement, ReadOnlySpan<object?> values, Func<IRuntimeRow, T> read)
    {
        var stmt = BindValues(statement, values);
        try
        {
            var rc = raw.sqlite3_step(stmt);
            if (rc == raw.SQLITE_DONE) return default;
            if (rc != raw.SQLITE_ROW) throw Error(rc);
            return read(new Row(stmt));
        }
        finally
        {
            raw.sqlite3_reset(stmt);
        }
    }

    public void Dispose()
    {
        foreach (var prepared in _bySql.Values) prepared.Statement.Dispose();
        _bySql.Clear();
        _handle = null;
    }

    private sqlite3_stmt BindValues(Statement statement, ReadOnlySpan<object?> values)
    {
        if (values.Length != statement.Parameters.Length)
            throw new ArgumentException($"{statement.Parameters.Length} values expected, {values.Length} given.", nameof(values));
        var prepared = Prepare(statement);
        var stmt = prepared.Statement;
        for (var i = 0; i < values.Length; i++)
        {
            var index = prepared.Positions[i];
            var rc = values[i] switch
            {
                null => raw.sqlite3_bind_null(stmt, index),
                string s => raw.sqlite3_bind_text(stmt, index, s),
                int n => raw.sqlite3_bind_int64(stmt, index, n),
                long n => raw.sqlite3_bind_int64(stmt, index, n),
                bool b => raw.sqlite3_bind_int64(stmt, index, b ? 1 : 0),
                double d => raw.sqlite3_bind_double(stmt, index, d),
                // As Microsoft.Data.Sqlite and EF Core's SQLite provider write a DateTime: sortable text, no offset.
                DateTime d => raw.sqlite3_bind_text(stmt, index, d.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
                var other => throw new NotSupportedException($"A runtime statement cannot bind a {other.GetType().Name}."),
            };
            if (rc != raw.SQLITE_OK) throw Error(rc);
        }
        return stmt;
    }

    private Prepared Prepare(Statement statement)
    {
        // A statement belongs to the handle it was prepared on; a connection reopened meanwhile has another one.
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (!ReferenceEquals(handle, _handle))
        {
            Dispose();
            _handle = handle;
        }
        if (_bySql.TryGetValue(statement.Sql, out var prepared)) return prepared;

        var rc = raw.sqlite3_prepare_v2(handle, statement.Sql, out var stmt);
        if (rc != raw.SQLITE_OK) throw Error(rc);
        var positions = new int[statement.Parameters.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = raw.sqlite3_bind_parameter_index(stmt, statement.Parameters[i]);
            if (positions[i] == 0)
            {
                stmt.Dispose();
                throw new ArgumentException($"Parameter {statement.Parameters[i]} is not in the statement.", nameof(statement));
            }
        }
        prepared = new Prepared(stmt, positions);
        _bySql.Add(statement.Sql, prepared);
        return prepared;
    }

    private SqliteException Error(int rc) =>
        new(raw.sqlite3_errmsg(_handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_handle));

    private sealed record Prepared(sqlite3_stmt Statement, int[] Positions);

    private sealed class Row(sqlite3_stmt stmt) : IRuntimeRow
    {
        public bool IsNull(int ordinal) => raw.sqlite3_column_type(stmt, ordinal) == raw.SQLITE_NULL;

        public string GetString(int ordinal) => raw.sqlite3_column_text(stmt, ordinal).utf8_to_string();

        public int GetInt32(int ordinal) => raw.sqlite3_column_int(stmt, ordinal);

        public long GetInt64(int ordinal) => raw.sqlite3_column_int64(stmt, ordinal);

        public DateTime GetDateTime(int ordinal) => DateTime.Parse(GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.None);
    }
}

/// <summary>One row of a runtime query, whichever way it was read.</summary>
internal interface IRuntimeRow
{
    bool IsNull(int ordinal);

    string GetString(int ordinal);

    int GetInt32(int ordinal);

    long GetInt64(int ordinal);

    DateTime GetDateTime(int ordinal);
}
