using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

// Linked into LifeTests as well (one helper, two test projects), hence a namespace of its own.
namespace Bishan.Workflow.Testing;

/// <summary>
/// A fresh, empty database for one test host, on the provider the run selects with <c>BISHAN_TEST_PROVIDER</c>:
/// <c>Sqlite</c> (the default) is a file in a temp folder; <c>PostgreSql</c> is <c>CREATE DATABASE ci_&lt;guid&gt;</c> on the
/// server in <c>BISHAN_TEST_POSTGRES</c>, dropped again at dispose. Every host also gets a temp folder (<see cref="Folder"/>)
/// for whatever else it writes (workflow folders, the SQLite Hangfire file).
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string ProviderVariable = "BISHAN_TEST_PROVIDER";
    public const string ServerVariable = "BISHAN_TEST_POSTGRES";

    private readonly string? _postgresServer;
    private readonly string? _postgresName;

    private TestDatabase(string folder, DatabaseOptions options, string? postgresServer, string? postgresName)
    {
        Folder = folder;
        Options = options;
        _postgresServer = postgresServer;
        _postgresName = postgresName;
    }

    /// <summary>The temp folder of this host; on SQLite it also holds <c>bishan.db</c>.</summary>
    public string Folder { get; }

    public DatabaseOptions Options { get; }
    public StorageProvider Provider => Options.Provider;
    public bool IsPostgreSql => Options.IsPostgreSql;

    /// <summary>What <c>Storage:Provider</c> and <c>ConnectionStrings:Bishan</c> a web host needs to use this database.</summary>
    public IReadOnlyDictionary<string, string> WebSettings => IsPostgreSql
        ? new Dictionary<string, string> { ["Storage:Provider"] = "PostgreSql", ["ConnectionStrings:Bishan"] = Options.ConnectionString }
        : new Dictionary<string, string> { ["Storage:Provider"] = "Sqlite" };

    /// <summary>The provider of this test run. An unknown value fails the run rather than silently testing SQLite.</summary>
    public static StorageProvider SelectedProvider
    {
        get
        {
            var text = Environment.GetEnvironmentVariable(ProviderVariable);
            if (string.IsNullOrWhiteSpace(text)) return StorageProvider.Sqlite;
            return Enum.TryParse<StorageProvider>(text.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
                ? provider
                : throw new InvalidOperationException($"{ProviderVariable} is '{text}': it must be Sqlite (the default) or PostgreSql.");
        }
    }

    /// <summary>
    /// Creates the folder and, on PostgreSQL, the database. <paramref name="provider"/> overrides the run's choice for
    /// tests that are about one provider. Without a server in <c>BISHAN_TEST_POSTGRES</c> a PostgreSQL test fails here:
    /// a skipped provider pass would look green while testing nothing.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(string prefix, StorageProvider? provider = null)
    {
        var selected = provider ?? SelectedProvider;
        var folder = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (selected == StorageProvider.Sqlite)
            return new TestDatabase(folder, DatabaseOptions.SqliteFile(Path.Combine(folder, "bishan.db")), null, null);

        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"This test needs PostgreSQL ({ProviderVariable}=PostgreSql) but {ServerVariable} is not set. Set it to a server "
                + $"where the user may CREATE DATABASE, e.g. {ServerVariable}=\"Host=127.0.0.1;Port=5432;Username=postgres\".");

        // Names starting ci_ mark throwaway databases on a shared dev server; a guid keeps parallel hosts apart.
        var name = "ci_" + Guid.NewGuid().ToString("N");
        await using (var admin = await OpenAdminAsync(server))
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(folder, DatabaseOptions.PostgreSql(connectionString), server, name);
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync(string server)
    {
        // The maintenance database, never template1: CREATE DATABASE copies template1 and refuses while anyone is connected to it.
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Releases pooled connections so that a restarted host (or the drop) finds the database free.</summary>
    public static void ClearPools()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        ClearPools();
        if (_postgresServer is not null && _postgresName is not null)
        {
            // FORCE ends connections a host may still hold (Hangfire's workers stop a moment after the host).
            await using var admin = await OpenAdminAsync(_postgresServer);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing dispose would hide the test's own result.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
