using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Bishan.Workflow.NodeTests;

/// <summary>
/// One node: the built app (<c>src/Bishan.Workflow.Web/bin/…/Bishan.Workflow.Web.dll</c>) as a child process on a free port
/// of 127.0.0.1 with its own temporary data folder, on the shared PostgreSQL database.
/// </summary>
internal sealed class AppNode : IAsyncDisposable
{
    /// <summary>Every demo user (admin, caseworker, supervisor-*, …) gets this password in Development.</summary>
    public const string DemoPassword = "TwoNode#Bishan2026";

    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly StringBuilder _output = new();

    private AppNode(string name, Process process, Uri baseAddress, string dataDirectory)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
        _dataDirectory = dataDirectory;
    }

    public string Name { get; }
    public Uri BaseAddress { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// How this node signs outbox claims and instance leases: <c>NodeIdentity.Id</c> is
    /// <c>{machine}:{process id}:{random}</c>, and <c>dotnet app.dll</c> runs the app in the process it starts.
    /// </summary>
    public string LeaseOwnerPrefix => $"{Environment.MachineName}:{_process.Id}:";

    public static AppNode Start(string name, string connectionString, string workflowsPath, string webDll)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"bishan-twonode-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(webDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__Provider"] = "PostgreSql";
        start.Environment["ConnectionStrings__Bishan"] = connectionString;
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Seed__DemoPassword"] = DemoPassword;
        start.Environment["Seed__DemoData"] = "false";
        // Short leases, so that a killed node's instances and outbox claims are taken over within seconds.
        start.Environment["Nodes__LeaseSeconds"] = "5";
        start.Environment["Workflows__Path"] = workflowsPath;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Hangfire"] = "Warning";
        start.Environment.Remove("ASPNETCORE_URLS");

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start node {name}.");
        var node = new AppNode(name, process, baseAddress, dataDirectory);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits for <c>/health</c>; fails with the node's output when it exits or takes too long.</summary>
    public async Task WaitForHealthAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"Node {Name} ({BaseAddress}) exited with code {_process.ExitCode} before it was healthy:\n{Tail()}");
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
        throw new TimeoutException($"Node {Name} ({BaseAddress}) was not healthy within {timeout.TotalSeconds} s:\n{Tail()}");
    }

    /// <summary>A bearer token of a demo user, issued by this node.</summary>
    public async Task<string> TokenAsync(string userName)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoPassword });
        var text = await login.Content.ReadAsStringAsync();
        if (!login.IsSuccessStatusCode)
            throw new InvalidOperationException($"Signing in as {userName} on node {Name} answered {(int)login.StatusCode}: {text}");
        return JsonNode.Parse(text)!["accessToken"]!.GetValue<string>();
    }

    /// <summary>A client of this node carrying <paramref name="token"/>, which may have been issued by another node.</summary>
    public HttpClient Client(string token, TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>SIGKILL, as a crash or an OOM kill would end it: no shutdown hooks, no lease released.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public string Tail()
    {
        string text;
        lock (_output) text = _output.ToString();
        return text.Length <= 6000 ? text : text[^6000..];
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder; a lingering handle must not fail the run.
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
