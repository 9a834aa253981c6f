using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bishan.Workflow.Benchmarks.UserPath;

/// <summary>
/// The built app (<c>Bishan.Workflow.Web.dll</c> of this build) as a child process, the way an operator starts it: how long
/// from the process start until <c>/health</c> answers, and how long the first page request then takes.
/// </summary>
internal static class BuiltApp
{
    public sealed record StartFigures(TimeSpan ToHealthy, TimeSpan FirstRequest);

    public static async Task<StartFigures> MeasureAsync(IReadOnlyDictionary<string, string> settings, string dataDirectory)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bishan.Workflow.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove("ASPNETCORE_URLS");

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            TimeSpan healthy;
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException("The app stopped during start-up:\n" + output);
                if (clock.Elapsed > TimeSpan.FromSeconds(120)) throw new TimeoutException("The app did not answer /health within 120 s:\n" + output);
                try
                {
                    using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        healthy = clock.Elapsed;
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(10);
            }

            // The first thing a user asks for: the sign-in page (a server-rendered Blazor page).
            var first = Stopwatch.StartNew();
            using (var page = await http.GetAsync(new Uri("/login", UriKind.Relative)))
                if (!page.IsSuccessStatusCode) throw new InvalidOperationException($"The sign-in page answered {(int)page.StatusCode}.");
            return new StartFigures(healthy, first.Elapsed);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
