using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// Every case endpoint × role × org scope. The case: a registered, light, mental-health case at a 璧城 school.
/// In scope: its caseworker, the 璧城 area supervisor, the Health Commission (mental health), the task force, leader,
/// secretary, administrator. Out of scope: a caseworker of another 璧城 school, the 青杠 area supervisor, the Civil
/// Affairs Bureau (another action), a 青杠 caseworker.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class AuthorizationMatrixFacts(BishanWebFactory factory)
{
    public static TheoryData<string, bool> Readers => new()
    {
        { CaseworkerA.UserName, true },
        { CaseworkerA2.UserName, false },
        { CaseworkerB.UserName, false },
        { SupervisorAreaA.UserName, true },
        { SupervisorAreaB.UserName, false },
        { SupervisorHealth.UserName, true },
        { SupervisorCivil.UserName, false },
        { SupervisorTaskForce.UserName, true },
        { Leader.UserName, true },
        { Secretary.UserName, true },
        { Administrator.UserName, true },
        // 区督查办 reads everything in the register and writes only supervision; a 镇街 sees its own communities' cases only.
        { Inspector.UserName, true },
        { SupervisorTown.UserName, false },
        // 家庭教育指导员 see no case file, not even of their own sub-centre's area: only the families referred to them (FamilyEducationFacts).
        { GuidanceA.UserName, false },
        { GuidanceCentre.UserName, false },
    };

    /// <summary>The status, or a failure that shows the request and the body (a 500's problem details name the exception).</summary>
    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {expected}, got "
                        + $"{(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static TestUser User(string userName) => Everyone.Single(u => u.UserName == userName);

    private async Task<(string CaseId, string Name, string IdNumber, string TaskId)> RegisteredCaseAsync()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        return (c.CaseId, c.Name, c.IdNumber, c.TaskId);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task EveryCaseEndpoint_Answers403OutsideScope_AndFiltersLists(string userName, bool inScope)
    {
        var (caseId, name, idNumber, taskId) = await RegisteredCaseAsync();
        var user = User(userName);
        var client = await factory.ClientAsync(user);
        var writer = user.Role is not (Roles.Leader or Roles.Inspector);

        // The file.
        var file = await client.GetAsync($"/api/cases/{caseId}");
        await ExpectAsync(file, inScope ? HttpStatusCode.OK : HttpStatusCode.Forbidden);

        // The list and the search.
        var list = await (await client.GetAsync($"/api/cases?q={Uri.EscapeDataString(name)}")).ReadOkAsync();
        Assert.Equal(inScope ? 1 : 0, list["items"]!.AsArray().Count);

        // The task of the case.
        var task = await client.GetAsync($"/api/tasks/{taskId}");
        await ExpectAsync(task, inScope ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        var all = await (await client.GetAsync("/api/tasks?scope=all&take=500")).ReadOkAsync();
        Assert.Equal(inScope, all["items"]!.AsArray().Any(t => t!["id"]!.GetValue<string>() == taskId));
        if (userName != CaseworkerA.UserName)
        {
            // Only the holder completes; everyone else, in scope or not, is refused (the holder's path is in TaskFacts).
            var complete = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "NotEligible", data = new { screeningReason = "x" } });
            await ExpectAsync(complete, HttpStatusCode.Forbidden);
        }
        var comment = await client.PostAsJsonAsync($"/api/tasks/{taskId}/comment", new { text = "看看" });
        await ExpectAsync(comment, inScope && writer ? HttpStatusCode.OK : HttpStatusCode.Forbidden);

        // Changes.
        var help = await client.PostAsJsonAsync($"/api/cases/{caseId}/help-records", new { kind = "家访", content = "了解近况。" });
        await ExpectAsync(help, inScope && writer ? HttpStatusCode.Created : HttpStatusCode.Forbidden);
        var escalation = await client.PostAsJsonAsync($"/api/cases/{caseId}/escalations", new { targetTier = "Serious", reason = "情况加重。" });
        await ExpectAsync(escalation, inScope && writer ? HttpStatusCode.Accepted : HttpStatusCode.Forbidden);
        var exit = await client.PostAsJsonAsync($"/api/cases/{caseId}/exit-evaluations", new { reason = "已稳定。" });
        await ExpectAsync(exit, inScope && writer ? HttpStatusCode.Accepted : HttpStatusCode.Forbidden);

        // The dashboard and the register count only what is in scope.
        var overview = await (await client.GetAsync("/api/stats/overview")).ReadOkAsync();
        Assert.True(overview["registeredTotal"]!.GetValue<int>() >= (inScope ? 1 : 0));
        var export = await client.GetAsync("/api/stats/register.xlsx");
        await ExpectAsync(export, HttpStatusCode.OK);
        var sheet = SheetText(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(inScope, sheet.Contains(name));
        Assert.DoesNotContain(idNumber, sheet);

        // The audit log is for administrators only.
        var audit = await client.GetAsync("/api/audit");
        await ExpectAsync(audit, user.Role == Roles.Administrator ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
    }

    /// <summary>The resource pool, funding and meeting endpoints × the same users and case (issue 3 §5).</summary>
    [Theory]
    [MemberData(nameof(Readers))]
    public async Task PoolFundingAndMeetingEndpoints_Answer403OutsideRoleOrScope(string userName, bool inScope)
    {
        var (caseId, _, _, _) = await RegisteredCaseAsync();
        var helperId = await factory.NewHelperAsync(orgUnitId: SchoolA);
        var lineId = await factory.NewBudgetLineAsync(100_000m);
        var meetingId = await factory.NewMeetingAsync(caseId);
        var subsidyId = await factory.QueryAsync(async db =>
        {
            var s = new Subsidy { CaseId = caseId, Amount = 10m, Reason = "x", Status = SubsidyStatus.Requested, RequestedAtUtc = DateTime.UtcNow, BudgetLineId = lineId };
            db.Subsidies.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var user = User(userName);
        var client = await factory.ClientAsync(user);
        var admin = user.Role == Roles.Administrator;
        var supervisor = user.Role == Roles.Supervisor;
        var teamKeeper = admin || user == CaseworkerA || user == SupervisorAreaA;
        // Administrators, the task force's supervisor and the 璧城 area's (the school is under it) keep the school's helpers.
        var poolKeeper = admin || user == SupervisorTaskForce || user == SupervisorAreaA;
        var wholeMeeting = admin || supervisor || user.Role is Roles.Leader or Roles.Secretary or Roles.Inspector;

        // The pool: read by everyone; a helper shows only the cases in the caller's scope.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/helpers")).StatusCode);
        var assign = await client.PostAsJsonAsync($"/api/cases/{caseId}/helpers", new { helperId });
        await ExpectAsync(assign, teamKeeper ? HttpStatusCode.Created : HttpStatusCode.Forbidden);
        if (!teamKeeper) await (await (await factory.ClientAsync(Administrator)).PostAsJsonAsync($"/api/cases/{caseId}/helpers", new { helperId })).ReadOkAsync();
        var helper = await (await client.GetAsync($"/api/helpers/{helperId}")).ReadOkAsync();
        Assert.Equal(inScope, helper["cases"]!.AsArray().Any(c => c!["caseId"]!.GetValue<string>() == caseId));
        var release = await client.DeleteAsync($"/api/cases/{caseId}/helpers/{helperId}");
        await ExpectAsync(release, teamKeeper ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden);
        var create = await client.PostAsJsonAsync("/api/helpers", new { name = "青学·成长大课堂", kind = "Team", orgUnitId = SchoolA });
        await ExpectAsync(create, poolKeeper ? HttpStatusCode.Created : HttpStatusCode.Forbidden);
        var update = await client.PutAsJsonAsync($"/api/helpers/{helperId}", new { name = "改名", kind = "Expert", orgUnitId = SchoolA });
        await ExpectAsync(update, poolKeeper ? HttpStatusCode.OK : HttpStatusCode.Forbidden);

        // Funding.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/funding/budget-lines")).StatusCode);
        var line = await client.PostAsJsonAsync("/api/funding/budget-lines", new { year = 2026, name = "x", orgUnitId = "task-force", amount = 1m });
        await ExpectAsync(line, admin ? HttpStatusCode.Created : HttpStatusCode.Forbidden);
        var spend = await client.PostAsJsonAsync("/api/funding/expenditures", new { budgetLineId = lineId, amount = 1m, purpose = "交通", caseId });
        await ExpectAsync(spend, admin || user == SupervisorTaskForce ? HttpStatusCode.Created : HttpStatusCode.Forbidden);
        var expenditures = await client.GetAsync("/api/funding/expenditures");
        await ExpectAsync(expenditures, user.Role is Roles.Caseworker or Roles.GuidanceWorker ? HttpStatusCode.Forbidden : HttpStatusCode.OK);
        var subsidy = await client.PostAsJsonAsync($"/api/cases/{caseId}/subsidies", new { amount = 5m, reason = "学习用品", budgetLineId = lineId });
        await ExpectAsync(subsidy, user == CaseworkerA ? HttpStatusCode.Accepted : HttpStatusCode.Forbidden);
        var pay = await client.PostAsync($"/api/subsidies/{subsidyId}/pay", null);
        await ExpectAsync(pay, admin ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden);

        // Meetings: every supervisor and the district-wide roles see the meeting; a caseworker only with a case of theirs on it.
        var meetings = await (await client.GetAsync("/api/meetings?take=500")).ReadOkAsync();
        Assert.Equal(inScope || wholeMeeting, meetings["items"]!.AsArray().Any(m => m!["id"]!.GetValue<string>() == meetingId));
        var meeting = await client.GetAsync($"/api/meetings/{meetingId}");
        await ExpectAsync(meeting, inScope || wholeMeeting ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        var report = await client.GetAsync($"/api/meetings/{meetingId}/report");
        await ExpectAsync(report, wholeMeeting ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task IdNumber_IsWholeOnlyForAdministratorsAndTheCasesCaseworker_AndMaskedInListsAndExports()
    {
        var (caseId, name, idNumber, _) = await RegisteredCaseAsync();
        var masked = idNumber[..6] + "********" + idNumber[14..];

        async Task<string> FileIdNumber(TestUser u) =>
            (await (await (await factory.ClientAsync(u)).GetAsync($"/api/cases/{caseId}")).ReadOkAsync())["profile"]!["idNumber"]!.GetValue<string>();
        Assert.Equal(idNumber, await FileIdNumber(Administrator));
        Assert.Equal(idNumber, await FileIdNumber(CaseworkerA));
        Assert.Equal(masked, await FileIdNumber(SupervisorAreaA));
        Assert.Equal(masked, await FileIdNumber(Leader));

        var admin = await factory.ClientAsync(Administrator);
        var list = await (await admin.GetAsync($"/api/cases?q={Uri.EscapeDataString(name)}")).ReadOkAsync();
        Assert.Equal(masked, list["items"]![0]!["idNumber"]!.GetValue<string>());
        var sheet = SheetText(await (await admin.GetAsync("/api/stats/register.xlsx")).Content.ReadAsByteArrayAsync());
        Assert.Contains(masked, sheet);
        Assert.DoesNotContain(idNumber, sheet);
    }

    [Fact]
    public async Task ReadsAndExports_AreAudited_AndQueryableByAdministrators()
    {
        var (caseId, _, _, _) = await RegisteredCaseAsync();
        var supervisor = await factory.ClientAsync(SupervisorAreaA);
        await (await supervisor.GetAsync($"/api/cases/{caseId}")).ReadOkAsync();
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/stats/register.xlsx")).StatusCode);

        var admin = await factory.ClientAsync(Administrator);
        var reads = await (await admin.GetAsync($"/api/audit?action=case.read&entityId={caseId}")).ReadOkAsync();
        var read = Assert.Single(reads["items"]!.AsArray())!;
        Assert.Equal(SupervisorAreaA.UserName, read["userName"]!.GetValue<string>());
        Assert.Equal("idNumber: masked", read["detail"]!.GetValue<string>());
        var exports = await (await admin.GetAsync($"/api/audit?action=register.export&user={SupervisorAreaA.UserName}")).ReadOkAsync();
        Assert.NotEmpty(exports["items"]!.AsArray());
        await (await admin.GetAsync("/api/audit?from=yesterday")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Escalation_Answers409_WhenTheCaseIsNotRegistered_And400_ForTheSameTier()
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var (referredId, _) = await caseworker.ReferAsync(NewReferral(SchoolA));
        await (await caseworker.PostAsJsonAsync($"/api/cases/{referredId}/escalations", new { targetTier = "Serious", reason = "x" }))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        var (caseId, _, _, _) = await RegisteredCaseAsync();
        var same = await (await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/escalations", new { targetTier = "Light", reason = "x" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(same["errors"]!["targetTier"]);
        await (await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/escalations", new { targetTier = "Serious", reason = "情况加重。" })).ReadOkAsync();
        await (await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/escalations", new { targetTier = "Severe", reason = "再次申请。" }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task UnknownCase_Answers404()
    {
        var admin = await factory.ClientAsync(Administrator);
        await (await admin.GetAsync("/api/cases/no-such-case")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OrgUnits_ListsTheTreeToEverySignedInUser()
    {
        var client = await factory.ClientAsync(CaseworkerB);
        var response = await client.GetAsync("/api/org-units");
        var units = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonArray>())!;
        Assert.Contains(units, u => u!["id"]!.GetValue<string>() == SchoolA && u["kind"]!.GetValue<string>() == "School" && u["parentId"]!.GetValue<string>() == AreaA);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/org-units")).StatusCode);
    }

    /// <summary>All text of an xlsx (shared strings and sheets), to look for names and ID numbers.</summary>
    private static string SheetText(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }
        return text.ToString();
    }
}
