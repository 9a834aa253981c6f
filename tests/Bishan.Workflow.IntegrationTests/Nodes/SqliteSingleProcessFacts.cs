namespace Bishan.Workflow.IntegrationTests.Nodes;

/// <summary>On SQLite one process owns the data directory: a second one refuses to start instead of running jobs twice.</summary>
[Collection(NodeCollectionDefinition.Name)]
public sealed class SqliteSingleProcessFacts : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "bishan-nodes-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SecondProcess_OnTheSameDataDirectory_ExitsNonZero_NamingTheDirectory()
    {
        var settings = new Dictionary<string, string> { ["Storage:DataDirectory"] = _dataDirectory };
        await using var first = NodeProcess.Start(_dataDirectory, settings);
        await first.WaitForHealthAsync(TimeSpan.FromSeconds(90));

        await using var second = NodeProcess.Start(_dataDirectory, settings);
        var exitCode = await second.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"The data directory {_dataDirectory} is already used by another process", second.Output);
        Assert.DoesNotContain("   at ", second.Output); // no stack trace
        await first.WaitForHealthAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task KilledProcess_LeavesNoStaleLock()
    {
        var settings = new Dictionary<string, string> { ["Storage:DataDirectory"] = _dataDirectory };
        await using (var first = NodeProcess.Start(_dataDirectory, settings))
        {
            await first.WaitForHealthAsync(TimeSpan.FromSeconds(90));
        } // SIGKILL: no chance to clean up, the OS drops the file lock

        await using var second = NodeProcess.Start(_dataDirectory, settings);
        await second.WaitForHealthAsync(TimeSpan.FromSeconds(90));
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
        return Task.CompletedTask;
    }
}

/// <summary>The node facts start whole processes; one at a time keeps a 2-core machine responsive.</summary>
[CollectionDefinition(Name)]
public sealed class NodeCollectionDefinition
{
    public const string Name = "nodes";
}
