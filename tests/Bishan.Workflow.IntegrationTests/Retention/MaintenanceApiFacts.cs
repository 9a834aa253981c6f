using System.Net;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Retention;

/// <summary>
/// The administrators' retention and backup API on the shared app (issue 13 §4–5): only administrators (401 without a
/// token, 403 for every other role); the dry run; a run and a backup, each audited; on SQLite a backup of both
/// databases that opens and holds the data, on PostgreSQL the answer that the database administrator backs up.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class MaintenanceApiFacts(BishanWebFactory factory)
{
    private static readonly string[] Routes = ["/api/admin/retention/preview", "/api/admin/backups"];
    private static readonly string[] PostRoutes = ["/api/admin/retention/run", "/api/admin/backups"];

    [Fact]
    public async Task Routes_AnswerOnlyAdministrators()
    {
        var anonymous = factory.CreateClient();
        foreach (var route in Routes) Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(route)).StatusCode);
        foreach (var user in new[] { CaseworkerA, SupervisorTaskForce, Leader, Secretary })
        {
            var client = await factory.ClientAsync(user);
            foreach (var route in Routes) await (await client.GetAsync(route)).ReadProblemAsync(HttpStatusCode.Forbidden);
            foreach (var route in PostRoutes) await (await client.PostAsync(route, null)).ReadProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Preview_ThenRun_IsAudited_AndTheDryRunShowsTheLastRun()
    {
        var admin = await factory.ClientAsync(Administrator);

        var preview = await (await admin.GetAsync("/api/admin/retention/preview")).ReadOkAsync();
        Assert.Equal(3, preview["settings"]!["personalDataYearsAfterExit"]!.GetValue<int>());
        Assert.Equal(5, preview["settings"]!["auditLogYears"]!.GetValue<int>());
        Assert.NotNull(preview["casesToAnonymise"]);
        Assert.NotNull(preview["fileNumbers"]!.AsArray());

        var run = await (await admin.PostAsync("/api/admin/retention/run", null)).ReadOkAsync();
        Assert.Equal(Administrator.UserName, run["runBy"]!.GetValue<string>());

        var audit = await (await admin.GetAsync($"/api/audit?action=retention.run&user={Administrator.UserName}")).ReadOkAsync();
        Assert.NotEmpty(audit["items"]!.AsArray());
        var after = await (await admin.GetAsync("/api/admin/retention/preview")).ReadOkAsync();
        Assert.Equal(Administrator.UserName, after["lastRun"]!["runBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Backup_OnSqlite_CopiesBothDatabases_ListsItFirst_AndIsAudited_OnPostgreSql_SaysWhoBacksUp()
    {
        var admin = await factory.ClientAsync(Administrator);
        if (factory.Database.IsPostgreSql)
        {
            var overview = await (await admin.GetAsync("/api/admin/backups")).ReadOkAsync();
            Assert.False(overview["supported"]!.GetValue<bool>());
            Assert.Equal("PostgreSql", overview["provider"]!.GetValue<string>());
            Assert.Contains("pg_dump", overview["message"]!.GetValue<string>(), StringComparison.Ordinal);
            var refused = await (await admin.PostAsync("/api/admin/backups", null)).ReadProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("pg_dump", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            return;
        }

        var (caseId, _) = await (await factory.ClientAsync(CaseworkerA)).ReferAsync(NewReferral(SchoolA, name: "备份测试"));
        var created = await admin.PostAsync("/api/admin/backups", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var set = await created.ReadOkAsync();
        var name = set["name"]!.GetValue<string>();
        Assert.Equal(["bishan.db", "hangfire.db"], set["files"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));

        var listed = await (await admin.GetAsync("/api/admin/backups")).ReadOkAsync();
        Assert.True(listed["supported"]!.GetValue<bool>());
        Assert.Equal(name, listed["backups"]![0]!["name"]!.GetValue<string>());
        Assert.True(listed["backups"]![0]!["sizeBytes"]!.GetValue<long>() > 0);

        // The copies are whole databases: integrity check passes and the referral made just before is in it.
        var folder = Path.Combine(listed["folder"]!.GetValue<string>(), name);
        Assert.Equal("ok", await ScalarAsync(Path.Combine(folder, "bishan.db"), "PRAGMA integrity_check"));
        Assert.Equal("ok", await ScalarAsync(Path.Combine(folder, "hangfire.db"), "PRAGMA integrity_check"));
        Assert.Equal("备份测试", await ScalarAsync(Path.Combine(folder, "bishan.db"), $"SELECT Name FROM Cases WHERE Id = '{caseId}'"));

        var audit = await (await admin.GetAsync($"/api/audit?action=backup.create&entityId={name}")).ReadOkAsync();
        Assert.Equal(Administrator.UserName, Assert.Single(audit["items"]!.AsArray())!["userName"]!.GetValue<string>());
    }

    private static async Task<string?> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
