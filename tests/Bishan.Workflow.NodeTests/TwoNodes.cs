using System.Diagnostics;

namespace Bishan.Workflow.NodeTests;

/// <summary>
/// Two nodes, A and B, started at the same moment on one fresh PostgreSQL database and waited for until both answer
/// <c>/health</c>. Facts that kill A call <see cref="EnsureBothRunningAsync"/> first, which starts a replacement A on the
/// same database when an earlier fact killed it, so the facts do not depend on their order.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    /// <summary>Two cold starts at once on two busy cores, migrations and seeding included.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(150);

    private readonly string _root = RepositoryRoot();
    private SharedDatabase? _database;
    private AppNode? _a;
    private AppNode? _b;

    internal SharedDatabase Database => _database ?? throw new InvalidOperationException("The fixture did not start.");
    internal AppNode A => _a ?? throw new InvalidOperationException("The fixture did not start.");
    internal AppNode B => _b ?? throw new InvalidOperationException("The fixture did not start.");

    /// <summary>From starting both processes to both answering /health (measured, for the report).</summary>
    public TimeSpan StartupTime { get; private set; }

    public async Task InitializeAsync()
    {
        var webDll = WebAssemblyPath(_root);
        _database = await SharedDatabase.CreateAsync();
        var watch = Stopwatch.StartNew();
        // Back to back, so both race through migrations, Hangfire's schema, the demo users and the workflow imports.
        _a = AppNode.Start("A", _database.ConnectionString, WorkflowsPath, webDll);
        _b = AppNode.Start("B", _database.ConnectionString, WorkflowsPath, webDll);
        await Task.WhenAll(_a.WaitForHealthAsync(StartTimeout), _b.WaitForHealthAsync(StartTimeout));
        StartupTime = watch.Elapsed;
    }

    /// <summary>Starts a new node A on the same database if an earlier fact killed the previous one.</summary>
    internal async Task EnsureBothRunningAsync()
    {
        if (B.HasExited) throw new InvalidOperationException($"Node B exited on its own:\n{B.Tail()}");
        if (!A.HasExited) return;
        await A.DisposeAsync();
        _a = AppNode.Start("A", Database.ConnectionString, WorkflowsPath, WebAssemblyPath(_root));
        await _a.WaitForHealthAsync(StartTimeout);
    }

    /// <summary>Both nodes' recent output, for failure messages.</summary>
    internal string Output() => $"--- node A ---\n{A.Tail()}\n--- node B ---\n{B.Tail()}";

    public async Task DisposeAsync()
    {
        if (_a is not null) await _a.DisposeAsync();
        if (_b is not null) await _b.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    private string WorkflowsPath => Path.Combine(_root, "workflows");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bishan.Workflow.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No Bishan.Workflow.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The web app built by the project reference, in the same configuration as this test assembly.</summary>
    private static string WebAssemblyPath(string root)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var dll = Path.Combine(root, "src", "Bishan.Workflow.Web", "bin", configuration, framework.Name, "Bishan.Workflow.Web.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} is missing: build the solution (dotnet build) before the node tests.");
    }
}

[CollectionDefinition(Name)]
public sealed class TwoNodesCollectionDefinition : ICollectionFixture<TwoNodes>
{
    public const string Name = "two nodes";
}
