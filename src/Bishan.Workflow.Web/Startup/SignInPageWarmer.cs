using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bishan.Workflow.Web.Startup;

/// <summary>
/// Renders the sign-in page once while the node starts (issue 15, first request): the first render of a Blazor page
/// compiles the page, its layout, MudBlazor's components, the localizer and the request pipeline, a few hundred
/// milliseconds that would otherwise fall on the first user. It runs once the server listens and the schema exists, in
/// parallel with the rest of the start-up work, and the node answers once it is done (<see cref="StartupTasks"/>). The
/// request goes to the node's own address over loopback, like any browser's, with a secret header of this process that
/// lets it past the <see cref="StartupGate"/>; a node that only listens on HTTPS or on no address (a test server) is left
/// alone. A failure only means the first user pays that cost, so it is logged at Debug and nothing else.
/// </summary>
internal sealed partial class SignInPageWarmer(IServer server, IHostApplicationLifetime lifetime, ILogger<SignInPageWarmer> logger)
{
    public const string Path = "/login";
    private const string WarmUpHeader = "X-Bishan-Warm-Up";

    /// <summary>Known to this process only: a request carrying it is this warmer's own.</summary>
    private readonly byte[] _secret = Encoding.ASCII.GetBytes(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

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
            http.DefaultRequestHeaders.Add(WarmUpHeader, Encoding.ASCII.GetString(_secret));
            using var response = await http.GetAsync(new Uri(Path, UriKind.Relative), lifetime.ApplicationStopping);
            LogWarmed(logger, Path, (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            LogNotWarmed(logger, Path, e.Message);
        }
    }

    /// <summary>Whether <paramref name="request"/> is this warmer's own (it carries this process's secret).</summary>
    public bool IsWarmUp(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryGetValue(WarmUpHeader, out var values) || values.Count != 1 || values[0] is not { } value) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(value), _secret);
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
