using Bishan.Workflow.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bishan.Workflow.Web.Startup;

/// <summary>
/// Renders the sign-in page once in the background right after the app answers (issue 15, first request): the first
/// render of a Blazor page compiles the page, its layout, MudBlazor's components and the localizer, a few hundred
/// milliseconds that would otherwise fall on the first user. The request goes to the node's own address over loopback,
/// like any browser's; a node that only listens on HTTPS or on no address (a test server) is left alone. A failure only
/// means the first user pays that cost, so it is logged at Debug and nothing else. Hangfire's server waits for it
/// (<see cref="IHangfireServerStartGate"/>), so that its threads do not compete with the first render.
/// </summary>
internal sealed partial class SignInPageWarmer(IServer server, IHostApplicationLifetime lifetime, ILogger<SignInPageWarmer> logger)
    : IHangfireServerStartGate
{
    public const string Path = "/login";

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the page was rendered (or could not be), at once where there is nothing to warm.</summary>
    public Task WhenOpen => _done.Task;

    public void Start()
    {
        if (Address() is not { } address)
        {
            _done.TrySetResult();
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await WarmAsync(address);
            }
            finally
            {
                _done.TrySetResult();
            }
        });
    }

    private async Task WarmAsync(Uri address)
    {
        try
        {
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            using var response = await http.GetAsync(new Uri(Path, UriKind.Relative), lifetime.ApplicationStopping);
            LogWarmed(logger, Path, (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            LogNotWarmed(logger, Path, e.Message);
        }
    }

    /// <summary>The first plain-HTTP address the server listens on, its wildcard host turned into loopback.</summary>
    private Uri? Address()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var http = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (http is null) return null;
        var loopback = http
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://[::1]", StringComparison.Ordinal);
        return Uri.TryCreate(loopback, UriKind.Absolute, out var uri) ? uri : null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rendered {Path} once after start-up ({Status})")]
    private static partial void LogWarmed(ILogger logger, string path, int status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not render {Path} after start-up: {Reason}")]
    private static partial void LogNotWarmed(ILogger logger, string path, string reason);
}
