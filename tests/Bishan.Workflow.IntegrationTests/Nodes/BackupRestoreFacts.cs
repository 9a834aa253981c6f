using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Nodes;

/// <summary>
/// The restore of README "Backups", done as an operator would with whole processes on SQLite (issue 13 §5): the app backs
/// up while referrals keep coming in, is stopped, the backup's two files are copied into an empty data folder, and an
/// app started there has the cases and users of the moment of the backup. Also: an audit period under three years stops
/// the start with one line naming the setting.
/// </summary>
[Collection(NodeCollectionDefinition.Name)]
public sealed class BackupRestoreFacts : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bishan-restore-" + Guid.NewGuid().ToString("N"));

    private string Original => Path.Combine(_root, "data");
    private string Restored => Path.Combine(_root, "restored");
    private string BackupFolder => Path.Combine(_root, "backups");

    [Fact]
    public async Task Backup_WhileWriting_RestoresIntoANewDataFolder_WithCasesAndUsers()
    {
        string backupName;
        var referred = new List<string>();
        await using (var original = NodeProcess.Start(Original, new Dictionary<string, string>
                     {
                         ["Storage:DataDirectory"] = Original,
                         ["Backup:Folder"] = BackupFolder,
                     }))
        {
            await original.WaitForHealthAsync(TimeSpan.FromSeconds(240));
            var caseworker = await original.SignInAsync("caseworker");
            var admin = await original.SignInAsync("admin");
            referred.Add(await ReferAsync(caseworker, "还原甲"));

            // Referrals keep being written while the backup runs; the backup is a consistent snapshot of some moment.
            using var writing = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                var n = 0;
                while (!writing.IsCancellationRequested) await ReferAsync(caseworker, $"并发{n++}");
                return n;
            });
            var created = await admin.PostAsync("/api/admin/backups", null);
            var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
            Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToJsonString());
            backupName = body["name"]!.GetValue<string>();
            await writing.CancelAsync();
            Assert.True(await writer > 0);

            var listed = JsonNode.Parse(await admin.GetStringAsync("/api/admin/backups"))!;
            Assert.Equal(backupName, listed["backups"]![0]!["name"]!.GetValue<string>());
        } // stopped (killed: a backup must not depend on a clean shutdown)

        // README "Backups", restore: copy bishan.db and hangfire.db of the set into an empty data folder and start.
        Directory.CreateDirectory(Restored);
        foreach (var file in new[] { "bishan.db", "hangfire.db" })
            File.Copy(Path.Combine(BackupFolder, backupName, file), Path.Combine(Restored, file));

        await using var restored = NodeProcess.Start(Restored, new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = Restored,
            ["Backup:Folder"] = Path.Combine(_root, "backups-restored"),
        });
        await restored.WaitForHealthAsync(TimeSpan.FromSeconds(240));

        // Users sign in with their passwords; the caseworker finds the case referred before the backup.
        var reader = await restored.SignInAsync("caseworker");
        var file1 = await reader.GetAsync($"/api/cases/{referred[0]}");
        var text = await file1.Content.ReadAsStringAsync();
        Assert.True(file1.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains("还原甲", text, StringComparison.Ordinal);
        var admin2 = await restored.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin2.GetAsync("/api/admin/retention/preview")).StatusCode);
        // The restored Hangfire database carries the recurring jobs and the workflows' state.
        Assert.Equal(HttpStatusCode.OK, (await admin2.GetAsync("/api/workflow-instances?take=5")).StatusCode);
    }

    [Fact]
    public async Task AuditPeriodUnderThreeYears_StopsTheStart_NamingTheSetting()
    {
        await using var node = NodeProcess.Start(Original, new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = Original,
            ["Retention:AuditLogYears"] = "2",
        });
        var exitCode = await node.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(4, exitCode);
        Assert.Contains("Retention:AuditLogYears is 2: the audit log must be kept at least 3 years", node.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", node.Output, StringComparison.Ordinal);
    }

    private static async Task<string> ReferAsync(HttpClient caseworker, string name)
    {
        var referral = NewReferral("school-bishan-middle", name: name);
        var response = await caseworker.PostAsJsonAsync("/api/referrals", referral);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        return body["caseId"]!.GetValue<string>();
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Original);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
        return Task.CompletedTask;
    }
}
