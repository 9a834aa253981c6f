using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.FamilyEducation;

/// <summary>
/// Issue 10 point 2: a caseworker refers a case's family to the sub-centre of its area (`family-education-referral`); the
/// sub-centre's guidance worker sees only the families referred to it, accepts, plans, records sessions with attendance; after
/// the set number of weeks (the workflow's timer) the evaluation is a task, and its result lands on the timeline and in the
/// exit evaluation's evidence. Bad input: field errors in the reader's language and 409s with the reason.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class FamilyEducationFacts(BishanWebFactory factory)
{
    private static readonly string[] AllKinds = ["Individual", "ParentClass", "HomeVisit"];

    private static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow,
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string DaysFromToday(int days) => DateOnly.ParseExact(Today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        .AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A registered case at school A (璧城 area) with a father working away (phone) and a grandmother at home.</summary>
    private async Task<(string CaseId, string Name, long FatherId, long GrandmotherId)> CaseWithFamilyAsync()
    {
        var registered = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await (await caseworker.PostAsJsonAsync($"/api/cases/{registered.CaseId}/family/members", new
        {
            name = "王建华", relationship = "Father", isLegalGuardian = true, phone, residence = "OutsideChongqing", city = "广东深圳", livesWithMinor = false,
        })).ReadOkAsync();
        var family = await (await caseworker.PostAsJsonAsync($"/api/cases/{registered.CaseId}/family/members", new
        {
            name = "刘春兰", relationship = "Grandparent", isLegalGuardian = false, residence = "InBishan", livesWithMinor = true,
        })).ReadOkAsync();
        var members = family["members"]!.AsArray();
        long Id(string relationship) => members.Single(m => m!["relationship"]!.GetValue<string>() == relationship)!["id"]!.GetValue<long>();
        return (registered.CaseId, registered.Name, Id("Father"), Id("Grandparent"));
    }

    private async Task<JsonObject> ReferAsync(string caseId, string reason = "父亲长期在外务工，祖母隔代教养方式简单。") =>
        await (await (await factory.ClientAsync(CaseworkerA)).PostAsJsonAsync($"/api/cases/{caseId}/family-education", new { reason })).ReadOkAsync();

    private static async Task<JsonArray> ListAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/family-education/referrals" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    /// <summary>What Hangfire does when the guidance period is over: resume the workflow's delay bookmark.</summary>
    private async Task FireEvaluationTimerAsync(string instanceId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BishanDbContext>();
        var bookmark = await db.WorkflowBookmarks.SingleAsync(b => b.InstanceId == instanceId && b.Name == "Elsa.Delay" && b.BurnedAtUtc == null);
        var result = await scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>().ResumeAsync(bookmark.Id, null);
        Assert.Equal(ResumeOutcome.Resumed, result.Outcome);
    }

    [Fact]
    public async Task Referral_GoesToTheAreasSubCentre_IsAccepted_Planned_Sessions_ThenEvaluatedAfterTheTimer_OnTheTimelineAndInTheExitEvidence()
    {
        var (caseId, name, fatherId, grandmotherId) = await CaseWithFamilyAsync();
        var referral = await ReferAsync(caseId);
        var id = referral["id"]!.GetValue<string>();
        Assert.Equal(("fe-sub-bicheng", "Referred"), (referral["subCentreId"]!.GetValue<string>(), referral["status"]!.GetValue<string>()));
        Assert.Equal("家庭教育指导中心璧城分中心", referral["subCentreName"]!.GetValue<string>());

        // The sub-centre's guidance worker sees the family in its list and its accept/decline task; the other sub-centre does not.
        var guidance = await factory.ClientAsync(GuidanceA);
        var mine = await ListAsync(guidance);
        var item = mine.Single(r => r!["id"]!.GetValue<string>() == id)!;
        Assert.Equal((name, "璧泉初级中学"), (item["minorName"]!.GetValue<string>(), item["schoolName"]!.GetValue<string>()));
        Assert.DoesNotContain(await ListAsync(await factory.ClientAsync(GuidanceB)), r => r!["id"]!.GetValue<string>() == id);
        Assert.Contains(await ListAsync(await factory.ClientAsync(GuidanceCentre)), r => r!["id"]!.GetValue<string>() == id);
        var view = await (await guidance.GetAsync($"/api/family-education/referrals/{id}")).ReadOkAsync();
        Assert.Equal("父亲长期在外务工，祖母隔代教养方式简单。", view["reason"]!.GetValue<string>());
        var father = view["members"]!.AsArray().Single(m => m!["id"]!.GetValue<long>() == fatherId)!;
        Assert.Matches(@"^139\*{4}\d{4}$", father["phone"]!.GetValue<string>());
        Assert.True(view["mayAct"]!.GetValue<bool>());
        var tasks = await (await guidance.GetAsync("/api/tasks?scope=all&take=500")).ReadOkAsync();
        Assert.Contains(tasks["items"]!.AsArray(), t => t!["id"]!.GetValue<string>() == view["openTaskId"]!.GetValue<string>());

        // Accept, plan, and a session with who came.
        var accepted = await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{id}/decision",
            new { referralDecision = "Accept", reason = "符合指导条件。" })).ReadOkAsync();
        Assert.Equal("Accepted", accepted["status"]!.GetValue<string>());
        Assert.Equal(DaysFromToday(8 * 7), accepted["evaluationDueOn"]!.GetValue<string>());
        var planned = await (await guidance.PutAsJsonAsync($"/api/family-education/referrals/{id}/plan",
            new { guidanceKinds = AllKinds, note = "每两周一次。" })).ReadOkAsync();
        Assert.Equal(["个别指导", "家长课堂", "入户指导"], planned["planKinds"]!.AsArray().Select(k => k!["label"]!.GetValue<string>()));
        var session = await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{id}/sessions", new
        {
            kind = "HomeVisit", sessionDate = Today, content = "入户了解祖母教养方式，指导作业陪伴。", attendeeMemberIds = new[] { grandmotherId },
            invitedMemberIds = new[] { fatherId, grandmotherId },
        })).ReadOkAsync();
        var recorded = session["sessions"]!.AsArray().Single()!;
        Assert.Equal((1, 2), (recorded["attendedCount"]!.GetValue<int>(), recorded["invitedCount"]!.GetValue<int>()));
        Assert.Equal(["刘春兰"], recorded["attendees"]!.AsArray().Select(a => a!.GetValue<string>()));

        // The evaluation is not due before the timer; then it is a task, and its result goes on the timeline and into the exit evidence.
        await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{id}/evaluation", new { parentingChange = "Improved", note = "x" }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        await FireEvaluationTimerAsync(await factory.QueryAsync(db => db.FamilyEducationReferrals.Where(r => r.Id == id).Select(r => r.WorkflowInstanceId!).SingleAsync()));
        var due = await (await guidance.GetAsync($"/api/family-education/referrals/{id}")).ReadOkAsync();
        Assert.Equal("EvaluationDue", due["status"]!.GetValue<string>());
        Assert.NotNull(due["openTaskId"]?.GetValue<string>());
        var evaluated = await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{id}/evaluation",
            new { parentingChange = "PartlyImproved", note = "祖母能按时督促作业，沟通方式有改善。" })).ReadOkAsync();
        Assert.Equal(("Evaluated", "有所改善"), (evaluated["status"]!.GetValue<string>(), evaluated["resultLabel"]!.GetValue<string>()));

        var timeline = await factory.QueryAsync(db => db.TimelineEntries.Where(e => e.CaseId == caseId).Select(e => e.Text).ToListAsync());
        Assert.Contains(timeline, t => t.Contains("已将家庭转介至家庭教育指导中心璧城分中心", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("璧城分中心已接收转介", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("开展入户指导，到场1人（应到2人）", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("评估家庭教育成效为“有所改善”", StringComparison.Ordinal));
        var caseworkerId = await factory.UserIdAsync(CaseworkerA);
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == caseworkerId && n.CaseId == caseId && n.Message.Contains("有所改善"))));

        // The exit evaluation's check task carries the result as evidence.
        var exit = await (await factory.ClientAsync(CaseworkerA)).PostAsJsonAsync($"/api/cases/{caseId}/exit-evaluations", new { reason = "已稳定。" });
        Assert.Equal(HttpStatusCode.Accepted, exit.StatusCode);
        var check = await factory.QueryAsync(db => db.WorkTasks.Where(t => t.CaseId == caseId && t.Status == Bishan.Workflow.Cases.Model.WorkTaskStatus.Open
            && t.FormJson.Contains("exitCriteria")).Select(t => t.Description).SingleAsync());
        Assert.Contains("家庭教育指导评估（佐证）", check, StringComparison.Ordinal);
        Assert.Contains("有所改善", check, StringComparison.Ordinal);

        // Reads by the sub-centre are audited on the case.
        var admin = await factory.ClientAsync(Administrator);
        var reads = await (await admin.GetAsync($"/api/audit?action=family-education.read&entityId={caseId}")).ReadOkAsync();
        Assert.Contains(reads["items"]!.AsArray(), r => r!["userName"]!.GetValue<string>() == GuidanceA.UserName);
    }

    [Fact]
    public async Task GuidanceWorker_SeesNoCaseFile_OnlyTheirReferrals_AndRevealsAPhoneOnlyAudited()
    {
        var (caseId, _, fatherId, _) = await CaseWithFamilyAsync();
        var id = (await ReferAsync(caseId))["id"]!.GetValue<string>();
        var own = await factory.ClientAsync(GuidanceA);
        var other = await factory.ClientAsync(GuidanceB);
        var centre = await factory.ClientAsync(GuidanceCentre);

        foreach (var client in new[] { own, other, centre })
        {
            await (await client.GetAsync($"/api/cases/{caseId}")).ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/cases/{caseId}/family")).ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync($"/api/cases/{caseId}/family-education", new { reason = "x" })).ReadProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await other.GetAsync($"/api/family-education/referrals/{id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await other.PostAsJsonAsync($"/api/family-education/referrals/{id}/decision", new { referralDecision = "Accept" }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        // The centre reads every referral but the sub-centre acts.
        var seen = await (await centre.GetAsync($"/api/family-education/referrals/{id}")).ReadOkAsync();
        Assert.False(seen["mayAct"]!.GetValue<bool>());
        await (await centre.PostAsJsonAsync($"/api/family-education/referrals/{id}/decision", new { referralDecision = "Accept" }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        // Out-of-scope caseworkers do not see it either; the case's own caseworker does.
        Assert.DoesNotContain(await ListAsync(await factory.ClientAsync(CaseworkerB)), r => r!["id"]!.GetValue<string>() == id);
        Assert.Contains(await ListAsync(await factory.ClientAsync(CaseworkerA), $"?caseId={caseId}"), r => r!["id"]!.GetValue<string>() == id);

        var phone = await (await own.PostAsync($"/api/family-education/referrals/{id}/members/{fatherId}/phone/reveal", null)).ReadOkAsync();
        Assert.Matches(@"^139\d{8}$", phone["phone"]!.GetValue<string>());
        await (await other.PostAsync($"/api/family-education/referrals/{id}/members/{fatherId}/phone/reveal", null)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var admin = await factory.ClientAsync(Administrator);
        var reveals = await (await admin.GetAsync($"/api/audit?action=family-education.phone.reveal&entityId={caseId}")).ReadOkAsync();
        Assert.Single(reveals["items"]!.AsArray());
    }

    [Fact]
    public async Task BadInput_FieldErrorsInTheReadersLanguage_And409sWithTheReason()
    {
        var (caseId, _, fatherId, _) = await CaseWithFamilyAsync();
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var empty = await (await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/family-education", new { reason = " " })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("理由必填。", empty["errors"]!["reason"]![0]!.GetValue<string>());
        var id = (await ReferAsync(caseId))["id"]!.GetValue<string>();
        var again = await (await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/family-education", new { reason = "再次转介。" })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("不能重复转介", again["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var guidance = await factory.ClientAsync(GuidanceA);
        var early = await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{id}/sessions",
            new { kind = "Individual", sessionDate = Today, content = "x" })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("接收后", early["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var noReason = await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{id}/decision", new { referralDecision = "Decline" }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("须说明理由", noReason["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var maybe = await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{id}/decision", new { referralDecision = "Maybe" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("接收决定须为“接收”(Accept)或“不予接收”(Decline)。", maybe["errors"]!["referralDecision"]![0]!.GetValue<string>());
        await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{id}/decision", new { referralDecision = "Accept" })).ReadOkAsync();
        var evaluation = await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{id}/evaluation", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("家庭教育成效必填。", evaluation["errors"]!["parentingChange"]![0]!.GetValue<string>());
        Assert.Equal("说明必填。", evaluation["errors"]!["note"]![0]!.GetValue<string>());

        // Field errors, in Chinese and in English.
        var bad = new { kind = "Magic", sessionDate = DaysFromToday(-3), content = "", attendeeMemberIds = new[] { fatherId, 999_999_999L } };
        var zh = await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{id}/sessions", bad)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"指导日期不能早于转介日期（{Today}）。", zh["errors"]!["sessionDate"]![0]!.GetValue<string>());
        Assert.Equal("到场家庭成员中的成员（编号 999999999）不是该家庭的成员。", zh["errors"]!["attendeeMemberIds"]![0]!.GetValue<string>());
        Assert.Equal("内容必填。", zh["errors"]!["content"]![0]!.GetValue<string>());
        Assert.NotNull(zh["errors"]!["kind"]);
        using var english = new HttpRequestMessage(HttpMethod.Post, $"/api/family-education/referrals/{id}/sessions") { Content = JsonContent.Create(bad) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var en = await (await guidance.SendAsync(english)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"Session date cannot be before the referral ({Today}).", en["errors"]!["sessionDate"]![0]!.GetValue<string>());
        var plan = await (await guidance.PutAsJsonAsync($"/api/family-education/referrals/{id}/plan", new { guidanceKinds = Array.Empty<string>() }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("指导方式必填。", plan["errors"]!["guidanceKinds"]![0]!.GetValue<string>());

        // A declined referral takes no session, and a new referral may follow it.
        var (otherCase, _, _, _) = await CaseWithFamilyAsync();
        var declinedId = (await ReferAsync(otherCase))["id"]!.GetValue<string>();
        var declined = await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{declinedId}/decision",
            new { referralDecision = "Decline", reason = "家长已在其他机构接受指导。" })).ReadOkAsync();
        Assert.Equal("Declined", declined["status"]!.GetValue<string>());
        var onDeclined = await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{declinedId}/sessions",
            new { kind = "Individual", sessionDate = Today, content = "x" })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("该转介已被分中心不予接收，不能记录指导。", onDeclined["detail"]!.GetValue<string>());
        Assert.True(await factory.QueryAsync(db => db.TimelineEntries.AnyAsync(e => e.CaseId == otherCase && e.Text.Contains("不予接收转介。理由：家长已在其他机构接受指导。"))));
        await ReferAsync(otherCase, "重新转介。");
    }

    [Fact]
    public async Task Figures_CountReferralsSessionsAndAttendance_BySubCentre_OnTheStatisticsApiAndInThe专报()
    {
        var reader = await factory.ClientAsync(CaseworkerB);
        static JsonNode Row(JsonObject figures) => figures["bySubCentre"]!.AsArray().Single(r => r!["subCentreId"]!.GetValue<string>() == "fe-sub-bicheng")!;
        var before = Row(await (await reader.GetAsync("/api/stats/family-education")).ReadOkAsync());

        var (caseId, _, fatherId, grandmotherId) = await CaseWithFamilyAsync();
        var id = (await ReferAsync(caseId))["id"]!.GetValue<string>();
        var guidance = await factory.ClientAsync(GuidanceA);
        await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{id}/decision", new { referralDecision = "Accept" })).ReadOkAsync();
        await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{id}/sessions", new
        {
            kind = "ParentClass", sessionDate = Today, content = "家长课堂：如何与孩子沟通。", attendeeMemberIds = new[] { grandmotherId },
            invitedMemberIds = new[] { fatherId, grandmotherId },
        })).ReadOkAsync();
        await (await guidance.PostAsJsonAsync($"/api/family-education/referrals/{id}/sessions", new
        {
            kind = "Individual", sessionDate = Today, content = "电话个别指导。", attendeeMemberIds = new[] { fatherId, grandmotherId },
        })).ReadOkAsync();

        var figures = await (await reader.GetAsync("/api/stats/family-education")).ReadOkAsync();
        var after = Row(figures);
        int Delta(string name) => after[name]!.GetValue<int>() - before[name]!.GetValue<int>();
        Assert.Equal((1, 1, 2, 4, 3), (Delta("referrals"), Delta("accepted"), Delta("sessions"), Delta("expected"), Delta("attended")));
        var expected = after["expected"]!.GetValue<int>();
        Assert.Equal(Math.Round(100m * after["attended"]!.GetValue<int>() / expected, 1, MidpointRounding.AwayFromZero), after["attendanceRate"]!.GetValue<decimal>());
        Assert.Equal(4, figures["bySubCentre"]!.AsArray().Count);
        Assert.True(figures["total"]!["referrals"]!.GetValue<int>() >= after["referrals"]!.GetValue<int>());

        var secretary = await factory.ClientAsync(Secretary);
        var report = await (await secretary.PostAsJsonAsync("/api/reports", new { title = "家庭教育指导专报" })).ReadOkAsync();
        var section = report["sections"]!.AsArray().Single(x => x!["key"]!.GetValue<string>() == "family-education")!;
        Assert.Contains("家庭教育指导", section["heading"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"家庭教育指导中心璧城分中心：转介{after["referrals"]!.GetValue<int>()}个", section["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
