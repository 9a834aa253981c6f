using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Bishan.Workflow.IntegrationTests.Nodes;

/// <summary>
/// The server listens while the node's start-up work still runs (issue 15, start-up): on an empty database the demo
/// users, the organisation and the workflows may not be there yet when the port opens. A user who signs in and files a
/// referral at that moment waits until the node is ready and gets the usual answers, and nothing is logged as an error.
/// </summary>
[Collection(NodeCollectionDefinition.Name)]
public sealed class EarlyRequestFacts : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "bishan-early-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ASignInAndAReferralSentTheMomentTheNodeListens_OnAnEmptyDatabase_WaitForTheStartUp_AndSucceed()
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = _dataDirectory,
            ["Workflows:Path"] = SlowWorkflowsFolder(),
        };
        await using var node = NodeProcess.Start(_dataDirectory, settings);
        await WaitUntilListeningAsync(node, TimeSpan.FromSeconds(90));

        // At once: the sign-in needs the demo users, the referral the imported case-intake workflow.
        using var client = await node.SignInAsync("caseworker");
        using var referral = await client.PostAsJsonAsync("/api/referrals", new
        {
            name = "早到",
            gender = "Female",
            dateOfBirth = "2013-05-01",
            orgUnitId = "school-bishan-middle",
            reason = "连续两周未到校。",
            suggestedAction = "DropoutPrevention",
            source = "班主任",
        });
        Assert.True(referral.StatusCode == HttpStatusCode.Created,
            $"the referral answered {(int)referral.StatusCode}: {await referral.Content.ReadAsStringAsync()}\n{node.Tail()}");

        var caseId = (await referral.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<string>();
        var inbox = await client.GetFromJsonAsync<JsonObject>("/api/tasks?scope=mine&status=open&take=25");
        Assert.True(inbox!["items"]!.AsArray().Any(t => t!["caseId"]?.ToString() == caseId),
            $"the screening task of case {caseId} is not in the inbox: {inbox.ToJsonString()}");
        Assert.DoesNotContain("fail:", node.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("no such table", node.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The shipped workflows, and before them (in file-name order) many copies of the smallest one under other ids: the
    /// import then takes long enough that the port opens well before <c>case-intake</c> is imported, on any build.
    /// </summary>
    private string SlowWorkflowsFolder()
    {
        var folder = Path.Combine(_dataDirectory, "workflows");
        Directory.CreateDirectory(folder);
        var shipped = Path.Combine(NodeProcess.RepositoryRoot(), "workflows");
        foreach (var file in Directory.EnumerateFiles(shipped, "*.json"))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var hello = JsonNode.Parse(File.ReadAllText(Path.Combine(shipped, "hello-bishan.json")))!.AsObject();
        for (var i = 0; i < SlowCopies; i++)
        {
            hello["definitionId"] = $"slow-{i:000}";
            File.WriteAllText(Path.Combine(folder, $"0-slow-{i:000}.json"), hello.ToJsonString());
        }
        return folder;
    }

    private const int SlowCopies = 150;

    /// <summary>Polls until the port takes a connection (the server listens), not until <c>/health</c> answers.</summary>
    private static async Task WaitUntilListeningAsync(NodeProcess node, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            Assert.False(node.HasExited, $"the app stopped during start-up:\n{node.Tail()}");
            Assert.True(DateTime.UtcNow < until, $"the app did not listen within {timeout.TotalSeconds} s:\n{node.Tail()}");
            using var socket = new TcpClient();
            try
            {
                await socket.ConnectAsync(node.BaseAddress.Host, node.BaseAddress.Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(5);
            }
        }
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
        return Task.CompletedTask;
    }
}
