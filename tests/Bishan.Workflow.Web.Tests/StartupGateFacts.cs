using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Infrastructure.Nodes;
using Bishan.Workflow.Web.Startup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.Web.Tests;

/// <summary>
/// The server listens while the node's start-up work still runs (issue 15, start-up): a request that comes then waits
/// and gets its usual answer once the node is ready; only the node's own warm-up request passes at once; if the start-up
/// fails the waiting requests get 503 with a reason in the reader's language. Real Kestrel on a loopback port.
/// </summary>
public sealed class StartupGateFacts : IAsyncLifetime, IDisposable
{
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private int _probeRuns;
    private int _loginRenders;

    private NodeReadiness Readiness => _app.Services.GetRequiredService<NodeReadiness>();
    private SignInPageWarmer Warmer => _app.Services.GetRequiredService<SignInPageWarmer>();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<NodeReadiness>();
        builder.Services.AddSingleton<SignInPageWarmer>();
        builder.Services.AddProblemDetails();
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            CultureInfo[] cultures = [new("zh-CN"), new("en")];
            o.DefaultRequestCulture = new RequestCulture(cultures[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
        });
        _app = builder.Build();
        _app.UseRequestLocalization();
        _app.UseStartupGate();
        _app.MapGet("/probe", () =>
        {
            Interlocked.Increment(ref _probeRuns);
            return "ran";
        });
        _app.MapGet(SignInPageWarmer.Path, () =>
        {
            Interlocked.Increment(ref _loginRenders);
            return "sign-in page";
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    [Fact]
    public async Task ARequestBeforeTheNodeIsReady_WaitsForIt_WhileTheWarmUpPassesAtOnce()
    {
        var early = _http.GetAsync(new Uri("/probe", UriKind.Relative));

        // The warm-up goes through the closed gate and renders the sign-in page.
        Warmer.Start();
        await Warmer.WhenOpen.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, _loginRenders);
        Assert.False(early.IsCompleted);
        Assert.Equal(0, _probeRuns);

        Readiness.MarkReady();
        using var response = await early;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ran", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, _probeRuns);
    }

    [Fact]
    public async Task AForgedWarmUpHeader_DoesNotPassTheGate()
    {
        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri(SignInPageWarmer.Path, UriKind.Relative));
        forged.Headers.Add("X-Bishan-Warm-Up", "00000000000000000000000000000000");
        var sent = _http.SendAsync(forged);

        // A request sent after it that the gate lets through proves the forged one had its chance.
        Warmer.Start();
        await Warmer.WhenOpen.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(sent.IsCompleted);
        Assert.Equal(1, _loginRenders);

        Readiness.MarkReady();
        using var response = await sent;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _loginRenders);
    }

    [Theory]
    [InlineData("zh-CN", "服务器未能完成启动，请稍后再试")]
    [InlineData("en", "This server did not finish starting; please try again shortly")]
    public async Task WhenTheStartUpFails_WaitingRequestsGet503_WithTheReasonInTheirLanguage(string language, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/probe", UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd(language);
        var waiting = _http.SendAsync(request);

        Readiness.MarkFailed(new InvalidOperationException("migration failed"));
        using var response = await waiting;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(title, problem!["title"]!.GetValue<string>());
        Assert.Equal(0, _probeRuns);
    }

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
