using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.Benchmarks.UserPath;

/// <summary>
/// The real web host (<c>Program</c> of Bishan.Workflow.Web, every service and middleware as shipped) on Kestrel at a
/// loopback port in this process, so requests go through real sockets and HTTP parsing like a browser's.
/// </summary>
internal sealed class BenchHost(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads these before Build().
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Hangfire", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft", "Warning");
        builder.UseEnvironment(settings.TryGetValue("Environment", out var environment) ? environment : "Development");
    }

    /// <summary>Starts Kestrel on a free port and returns a client for it (keep-alive, one connection at a time).</summary>
    public HttpClient StartAndCreateClient()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        // A plain client over sockets (no test handlers in between), as a script or a browser would talk to the app.
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
    }
}
