using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.Persistence;
using Bishan.Workflow.Web.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.IntegrationTests.Startup;

/// <summary>
/// The start-up import of the shipped definitions (<see cref="WorkflowFileLoader"/>):
/// every good file is published once, a bad file is logged and skipped without keeping the others out, and a second start
/// with the same files adds no version.
/// </summary>
public sealed class WorkflowFileLoaderFacts : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bishan-loader-").FullName;

    [Fact]
    public async Task LoadAsync_PublishesEveryGoodFile_LogsTheBadOnes_AndAddsNothingTheSecondTime()
    {
        await using var host = await RuntimeHost.StartAsync();
        for (var i = 0; i < 9; i++)
            await File.WriteAllTextAsync(Path.Combine(_folder, $"good-{i}.json"), TestWorkflows.WaitForEvent($"loaded-{i}", "Go", before: $"hello {i}"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "broken.json"), "{ \"definitionId\": ");
        var unknown = JsonNode.Parse(TestWorkflows.Flowchart("unknown-type", [TestWorkflows.Activity("Odd", "Nope.NoSuchActivity")]))!;
        await File.WriteAllTextAsync(Path.Combine(_folder, "unknown-type.json"), unknown.ToJsonString());
        var logger = new RecordingLogger();
        var loader = Loader(host, logger);

        await loader.LoadAsync(CancellationToken.None);

        var summaries = await host.Definitions.ListAsync();
        for (var i = 0; i < 9; i++)
        {
            var summary = Assert.Single(summaries, s => s.DefinitionId == $"loaded-{i}");
            Assert.Equal((1, (int?)1), (summary.LatestVersion, summary.PublishedVersion));
        }
        Assert.DoesNotContain(summaries, s => s.DefinitionId == "unknown-type");
        Assert.Contains(logger.Errors, e => e.Contains("broken.json", StringComparison.Ordinal));
        Assert.Contains(logger.Errors, e => e.Contains("unknown-type.json", StringComparison.Ordinal) && e.Contains("Odd", StringComparison.Ordinal));
        Assert.Equal(2, logger.Errors.Count);

        await loader.LoadAsync(CancellationToken.None);
        Assert.All(await host.Definitions.ListAsync(), s => Assert.Equal(1, s.LatestVersion));
        var started = await host.Runtime.StartAsync("loaded-4", input: null, correlationId: null);
        Assert.Equal(["hello 4"], await host.WriteLinesAsync(started.Id));
    }

    private WorkflowFileLoader Loader(RuntimeHost host, ILogger<WorkflowFileLoader> logger)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Workflows:Path"] = _folder }).Build();
        return new WorkflowFileLoader(host.Get<IServiceScopeFactory>(), configuration, new HostingEnvironment { ContentRootPath = _folder }, logger);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class RecordingLogger : ILogger<WorkflowFileLoader>
    {
        private readonly ConcurrentQueue<string> _errors = new();
        public IReadOnlyList<string> Errors => [.. _errors];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error) _errors.Enqueue(formatter(state, exception));
        }
    }
}
