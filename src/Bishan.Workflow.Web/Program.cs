using Bishan.Workflow.Web.Extensions;
using Bishan.Workflow.Web.Startup;

var timeline = new StartupTimeline(TimeProvider.System);

// `dotnet run` starts the app in the folder it was invoked from (so ./data lands there); the settings files
// then come from the build output rather than that folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = File.Exists("appsettings.json") ? null : AppContext.BaseDirectory,
});
builder.AddWebHost(timeline);

var app = builder.Build();
timeline.Mark("build");
// Refuses to start, with one log line and a non-zero exit code, on a busy data directory or an unreachable database;
// otherwise begins the start-up work and maps the endpoints while it runs.
return await app.RunNodeAsync(static app => app.MapWebHost());

/// <summary>Visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the integration tests.</summary>
public partial class Program;
