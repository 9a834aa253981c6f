using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bishan.Workflow.Benchmarks.UserPath;

/// <summary>
/// The built app (<c>Bishan.Workflow.Web.dll</c> of this build) as a child process, the way an operator starts it: how long
/// from the process start until <c>/health</c> answers, and how long the first page request then takes.
/// </summary>
internal sealed class BuiltApp : IAsyncDisposable
{
    public sealed record StartFigures(TimeSpan ToHealthy, TimeSpan FirstRequest);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private BuiltApp(Process process, StringBuilder output, Uri address, TimeSpan toHealthy)
    {
        _process = process;
        _output = output;
        Address = address;
        ToHealthy = toHealthy;
    }

    public Uri Address { get; }

    /// <summary>From the process start until <c>/health</c> first answered 200.</summary>
    public TimeSpan ToHealthy { get; }

    /// <summary>What the app wrote to its console so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>
    /// The app started (README, "Start-up, round five"): the app as it is deployed, published by this run
    /// (<c>dotnet publish src/Bishan.Workflow.Web -c Release -r RID -o FOLDER</c>: ReadyToRun) into a folder under the
    /// temporary directory, once per run; with <c>BISHAN_BENCH_APP</c> the folder of a publish made beforehand, or with
    /// <c>BISHAN_BENCH_APP=build</c> this build's output as before round five.
    /// </summary>
    public static Task<string> AppFolderAsync() => Folder.Value;

    private static readonly Lazy<Task<string>> Folder = new(ResolveFolderAsync);

    private static async Task<string> ResolveFolderAsync()
    {
        var named = Environment.GetEnvironmentVariable("BISHAN_BENCH_APP");
        if (string.Equals(named, "build", StringComparison.OrdinalIgnoreCase)) return AppContext.BaseDirectory;
        if (named is { Length: > 0 }) return Path.GetFullPath(named);

        var root = Path.GetDirectoryName(UserPathBench.WorkflowsFolder())!;
        var output = Path.Combine(Path.GetTempPath(), "bishan-bench-published-app");
        var rid = (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" +
                  System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        Console.WriteLine($"Publishing the app as it is deployed ({rid}, self-contained, composite ReadyToRun) to {output} (BISHAN_BENCH_APP=build skips this) ...");
        var publish = new ProcessStartInfo("dotnet") { WorkingDirectory = root, UseShellExecute = false };
        foreach (var argument in new[] { "publish", "src/Bishan.Workflow.Web", "-c", "Release", "-r", rid, "-o", output, "-v", "q", "-nologo" })
            publish.ArgumentList.Add(argument);
        using var process = Process.Start(publish) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed with exit code {process.ExitCode}.");
        return output;
    }

    public static async Task<StartFigures> MeasureAsync(IReadOnlyDictionary<string, string> settings, string dataDirectory)
    {
        await using var app = await StartAsync(settings, dataDirectory);
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
        // The first thing a user asks for: the sign-in page (a server-rendered Blazor page).
        var first = Stopwatch.StartNew();
        using (var page = await http.GetAsync(new Uri("/login", UriKind.Relative)))
            if (!page.IsSuccessStatusCode) throw new InvalidOperationException($"The sign-in page answered {(int)page.StatusCode}.");
        return new StartFigures(app.ToHealthy, first.Elapsed);
    }

    /// <summary>Starts the app and returns once <c>/health</c> answers 200 (at most 120 s).</summary>
    public static async Task<BuiltApp> StartAsync(IReadOnlyDictionary<string, string> settings, string dataDirectory, string logLevel = "Warning")
    {
        var folder = await AppFolderAsync();
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "Bishan.Workflow.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["Logging__LogLevel__Default"] = logLevel;
        start.Environment.Remove("ASPNETCORE_URLS");

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException("The app stopped during start-up:\n" + Text(output));
                if (clock.Elapsed > TimeSpan.FromSeconds(120)) throw new TimeoutException("The app did not answer /health within 120 s:\n" + Text(output));
                try
                {
                    using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK) return new BuiltApp(process, output, address, clock.Elapsed);
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(10);
            }
        }
        catch
        {
            await StopAsync(process);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(_process);
        _process.Dispose();
    }

    private static async Task StopAsync(Process process)
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    private static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
