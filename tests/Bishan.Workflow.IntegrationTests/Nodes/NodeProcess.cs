using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Bishan.Workflow.IntegrationTests.Nodes;

/// <summary>
/// The built app (<c>src/Bishan.Workflow.Web/bin/…/Bishan.Workflow.Web.dll</c>) as a child process on a free port of
/// 127.0.0.1, like the E2E fixture starts it: these facts are about whole processes (file locks, exit codes, several
/// nodes), which <c>WebApplicationFactory</c> cannot show.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    public const string DemoPassword = "Nodes#Bishan2026";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the app in Development (demo users seeded) with the given settings as environment variables.</summary>
    public static NodeProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebAssemblyPath());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Seed__DemoPassword"] = DemoPassword;
        start.Environment["Seed__DemoData"] = "false";
        start.Environment["Workflows__Path"] = Path.Combine(RepositoryRoot(), "workflows");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Bishan"] = "Information";
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var node = new NodeProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits for <c>/health</c>; fails with the app's output when it exits or takes too long.</summary>
    public async Task WaitForHealthAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The app at {BaseAddress} exited with code {_process.ExitCode} before it was healthy:\n{Tail()}");
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
        throw new TimeoutException($"The app at {BaseAddress} was not healthy within {timeout.TotalSeconds} s:\n{Tail()}");
    }

    /// <summary>Waits for the process to exit on its own; fails with its output when it does not.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The app did not exit within {timeout.TotalSeconds} s:\n{Tail()}");
        }
        return _process.ExitCode;
    }

    public async Task<HttpClient> SignInAsync(string userName)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public string Tail()
    {
        var text = Output;
        return text.Length <= 6000 ? text : text[^6000..];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bishan.Workflow.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No Bishan.Workflow.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The web app built by the project reference, in the same configuration as this test assembly.</summary>
    private static string WebAssemblyPath()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var dll = Path.Combine(RepositoryRoot(), "src", "Bishan.Workflow.Web", "bin", configuration, framework.Name, "Bishan.Workflow.Web.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} is missing: build the solution (dotnet build) before these tests.");
    }
}
