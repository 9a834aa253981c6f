using Microsoft.Data.Sqlite;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>Which database holds the application, the workflow store and Identity (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>Embedded, one process: files under <c>Storage:DataDirectory</c>, nothing to install (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (<c>ConnectionStrings:Bishan</c>): several app nodes may share it.</summary>
    PostgreSql,
}

/// <summary>The provider and its connection string, resolved once at start-up.</summary>
public sealed record DatabaseOptions(StorageProvider Provider, string ConnectionString)
{
    /// <summary>The assembly that holds the PostgreSQL migration set; the SQLite set lives in Infrastructure itself.</summary>
    public const string PostgreSqlMigrationsAssembly = "Bishan.Workflow.Migrations.PostgreSql";

    public bool IsPostgreSql => Provider == StorageProvider.PostgreSql;

    public static DatabaseOptions SqliteFile(string path) => new(StorageProvider.Sqlite,
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = true }.ToString());

    public static DatabaseOptions PostgreSql(string connectionString) => new(StorageProvider.PostgreSql, connectionString);

    /// <summary>The connection string without its password, for log lines and error messages.</summary>
    public string Describe() => Provider switch
    {
        StorageProvider.PostgreSql => RedactedPostgreSql(ConnectionString),
        _ => new SqliteConnectionStringBuilder(ConnectionString).DataSource,
    };

    private static string RedactedPostgreSql(string connectionString)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Password = null };
            return builder.ToString();
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }
}
