using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Bishan.Workflow.IntegrationTests.Observability;

[Collection(AppCollectionDefinition.Name)]
public sealed class HealthFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task Ready_Returns200_WithTheDatabaseAndHangfireChecked()
    {
        var response = await factory.CreateClient().GetAsync("/health/ready");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var body = JsonNode.Parse(text)!;
        Assert.Equal("Healthy", body["checks"]!["database"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["hangfire"]!.GetValue<string>());
    }

    [Fact]
    public async Task Liveness_Returns200_Anonymously()
    {
        var response = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Logs_CarryTheTraceAndSpanIdInTheirScope()
    {
        var options = factory.Services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value;
        Assert.True(options.ActivityTrackingOptions.HasFlag(ActivityTrackingOptions.TraceId));
        Assert.True(options.ActivityTrackingOptions.HasFlag(ActivityTrackingOptions.SpanId));
        Assert.True(factory.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue.IncludeScopes);

        // A log written inside an activity (a request, a Hangfire job) sees its trace id in the scope.
        using var activity = new Activity("probe").Start();
        var capture = new ScopeCapture();
        var loggers = factory.Services.GetRequiredService<ILoggerFactory>();
        loggers.AddProvider(capture);
        loggers.CreateLogger("Bishan.Workflow.IntegrationTests.Probe").Log(LogLevel.Information, default, "traced", null, static (s, _) => s);
        Assert.Contains(capture.Scopes, s => s.Contains(activity.TraceId.ToHexString(), StringComparison.Ordinal));
    }

    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider? _scopes;

        public List<string> Scopes { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Capture(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose() { }

        private sealed class Capture(ScopeCapture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!string.Equals(formatter(state, exception), "traced", StringComparison.Ordinal)) return;
                owner._scopes?.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? ""), owner.Scopes);
            }
        }
    }
}
