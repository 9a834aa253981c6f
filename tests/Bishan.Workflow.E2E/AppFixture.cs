using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// The real app, started once for the whole run as a child process on 127.0.0.1 with a temporary data folder and the
/// shipped workflows and the demo data, and Debian's Chromium driven by Playwright. Two instances are started through the API so that
/// the instances pages have something to show: a finished hello-bishan, and from the test's own workflows
/// (<c>Workflows/</c>) one that waits for an event and one that faults.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string AdminUserName = "admin";
    /// <summary>Every demo user (admin, caseworker, supervisor-*, secretary, leader) gets this password in Development.</summary>
    public const string DemoPassword = "E2e#Bishan2026";

    /// <summary>Debian's package; CI installs it (<c>.ci/run</c>). Never a Playwright browser download.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("E2E_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240); // a loaded shared machine starts the app in 85 s or more

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "bishan-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _appOutput = new();
    private Process? _app;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string FinishedInstanceId { get; private set; } = "";
    public string WaitingInstanceId { get; private set; } = "";
    public string FaultedInstanceId { get; private set; } = "";

    /// <summary>The app's recent console output, for failure messages.</summary>
    public string AppOutputTail
    {
        get
        {
            lock (_appOutput)
            {
                var text = _appOutput.ToString();
                return text.Length <= 4000 ? text : text[^4000..];
            }
        }
    }

    public async Task InitializeAsync()
    {
        // Fail loudly, never skip: a missing browser must not turn the browser tests green.
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. The E2E tests drive Debian's Chromium: install it with " +
                "'apt-get install -y chromium fonts-noto-cjk' (.ci/run does this), or set E2E_CHROMIUM to another Chromium binary.");

        var root = RepositoryRoot();
        var webDll = WebAssemblyPath(root);
        Directory.CreateDirectory(_dataDirectory);
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        _app = StartApp(webDll, Path.Combine(root, "workflows"));
        await WaitForHealthAsync();
        await StartSampleInstancesAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder; a lingering handle must not fail the run.
        }
    }

    private Process StartApp(string webDll, string workflowsPath)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(webDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__DataDirectory"] = _dataDirectory;
        start.Environment["Seed__DemoPassword"] = DemoPassword;
        // The synthetic register (476 registered, 211 exited) with live screening tasks and escalation approvals.
        start.Environment["Seed__DemoData"] = "true";
        start.Environment["Workflows__Path"] = workflowsPath;
        // Every browser test signs in from 127.0.0.1, dozens a minute: far more than the per-address rate an office needs.
        start.Environment["SignIn__Throttle__AddressRequestsPerMinute"] = "1000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove("ASPNETCORE_URLS");

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_appOutput) _appOutput.AppendLine(line);
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < StartTimeout)
        {
            if (_app!.HasExited)
                throw new InvalidOperationException($"The app exited with code {_app.ExitCode} before it was healthy:\n{AppOutputTail}");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow start on a busy machine.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app was not healthy within {StartTimeout.TotalSeconds} s:\n{AppOutputTail}");
    }

    private async Task StartSampleInstancesAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = AdminUserName, password = DemoPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Workflows"), "*.json"))
        {
            var import = await http.PostAsync("/api/workflow-definitions/import?publish=true",
                new StringContent(await File.ReadAllTextAsync(file), Encoding.UTF8, "application/json"));
            if (!import.IsSuccessStatusCode)
                throw new InvalidOperationException($"Importing {Path.GetFileName(file)} failed: {(int)import.StatusCode} {await import.Content.ReadAsStringAsync()}");
        }
        FinishedInstanceId = await ExecuteAsync(http, "hello-bishan", new { });
        WaitingInstanceId = await ExecuteAsync(http, "e2e-waits", new { correlationId = "E2E-0001" });
        FaultedInstanceId = await ExecuteAsync(http, "e2e-faults", new { });
    }

    private static async Task<string> ExecuteAsync(HttpClient http, string definitionId, object body)
    {
        var response = await http.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/execute", body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Starting {definitionId} failed: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["instanceId"]!.GetValue<string>();
    }

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
            : throw new InvalidOperationException($"{dll} is missing: build the solution (dotnet build) before the E2E tests.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollectionDefinition : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
