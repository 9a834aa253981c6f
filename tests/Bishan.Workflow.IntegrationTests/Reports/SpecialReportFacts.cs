using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.IntegrationTests.CasesApi;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;
using static Bishan.Workflow.IntegrationTests.Reports.ReportWorld;

namespace Bishan.Workflow.IntegrationTests.Reports;

/// <summary>
/// The special report (专报, issue 11 point 4): the secretary drafts it from live figures and edits it, the task-force head
/// signs it off through the special-report workflow (or returns it with a reason), and it is sent to the leading group and
/// 区督查办, whose reading is recorded; the archive is searchable; and the bad input of point 5.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed partial class SpecialReportFacts(BishanWebFactory factory)
{
    [GeneratedRegex(@"^璧山五个行动专报〔\d{4}〕第\d+期$")]
    private static partial Regex NumberPattern();

    private async Task<JsonObject> SubmitAsync(string id) =>
        await (await (await factory.ClientAsync(Secretary)).PostAsync($"/api/reports/{id}/submit", null)).ReadOkAsync();

    private async Task<HttpResponseMessage> SignOffAsync(string id, string decision = "Sign", string? reason = null, TestUser? by = null) =>
        await (await factory.ClientAsync(by ?? SupervisorTaskForce)).PostAsJsonAsync($"/api/reports/{id}/sign-off", new { decision, reason });

    private static string[] Keys(JsonObject report) => [.. report["sections"]!.AsArray().Select(s => s!["key"]!.GetValue<string>())];

    [Fact]
    public async Task Secretary_DraftsFromAMeeting_HeadSignsIt_AndTheLeaderReadsIt_WithReceipts()
    {
        await factory.EnsureReportUsersAsync();
        var (meetingId, topic) = await factory.HeldMeetingAsync();

        var draft = await factory.DraftAsync(Secretary, meetingId);
        var id = draft["id"]!.GetValue<string>();
        Assert.Matches(NumberPattern(), draft["numberText"]!.GetValue<string>());
        Assert.Equal(("Draft", "五项行动专题会专报：" + topic), (draft["status"]!.GetValue<string>(), draft["title"]!.GetValue<string>()));
        Assert.Equal(["register", "outcomes", "meeting", "pool", "family-education", "guardianship", "supervision"], Keys(draft));
        // The pool's totals by kind, counted from the pool as it is now.
        var activeHelpers = await factory.QueryAsync(db => db.Helpers.CountAsync(h => h.Active));
        var pool = draft["sections"]!.AsArray().Single(s => s!["key"]!.GetValue<string>() == "pool")!;
        Assert.Equal("四、帮扶资源库", pool["heading"]!.GetValue<string>());
        Assert.StartsWith($"资源库在册帮扶力量合计{activeHelpers}（人/支）：", pool["body"]!.GetValue<string>(), StringComparison.Ordinal);
        var sections = draft["sections"]!.AsArray();
        Assert.Equal("一、在库情况", sections[0]!["heading"]!.GetValue<string>());
        Assert.Contains("累计入库", sections[0]!["body"]!.GetValue<string>());
        Assert.Contains(topic, sections[2]!["body"]!.GetValue<string>());
        Assert.Contains("各校开展一次心理健康排查。", sections[2]!["body"]!.GetValue<string>());
        Assert.True(draft["canEdit"]!.GetValue<bool>());

        // The secretary edits the meeting section and submits.
        var secretary = await factory.ClientAsync(Secretary);
        var edited = await (await secretary.PutAsJsonAsync($"/api/reports/{id}", new
        {
            title = "五项行动专题会专报（心理健康）",
            sections = new[] { new { key = "meeting", body = "专题会研究了心理危机个案的干预方案，并部署开学季排查。" } },
        })).ReadOkAsync();
        Assert.Equal("专题会研究了心理危机个案的干预方案，并部署开学季排查。", edited["sections"]![2]!["body"]!.GetValue<string>());
        var submitted = await SubmitAsync(id);
        Assert.Equal("Submitted", submitted["status"]!.GetValue<string>());
        Assert.False(submitted["canEdit"]!.GetValue<bool>());

        // The task-force head has the sign-off task in the inbox and signs.
        var head = await factory.ClientAsync(SupervisorTaskForce);
        var seenByHead = await (await head.GetAsync($"/api/reports/{id}")).ReadOkAsync();
        Assert.True(seenByHead["canSignOff"]!.GetValue<bool>());
        var taskId = seenByHead["signOffTaskId"]!.GetValue<string>();
        var task = await (await head.GetAsync($"/api/tasks/{taskId}")).ReadOkAsync();
        Assert.Equal("签发专报：" + draft["numberText"]!.GetValue<string>(), task["title"]!.GetValue<string>());
        var signed = await (await SignOffAsync(id)).ReadOkAsync();
        Assert.Equal(("Issued", SupervisorTaskForce.UserName), (signed["status"]!.GetValue<string>(), signed["signedBy"]!.GetValue<string>()));

        // Sent to the leading group and 区督查办: a receipt row, an inbox item and a notification each, unread.
        var receipts = signed["recipients"]!.AsArray();
        Assert.Contains(receipts, r => r!["name"]!.GetValue<string>() == Leader.UserName && r["role"]!.GetValue<string>() == "Leader");
        Assert.Contains(receipts, r => r!["name"]!.GetValue<string>() == Inspector.UserName && r["role"]!.GetValue<string>() == "Inspector");
        Assert.All(receipts, r => Assert.Null(r!["readAtUtc"]?.GetValue<DateTime?>()));
        var leaderId = await factory.UserIdAsync(Leader);
        var inbox = await factory.QueryAsync(db => db.WorkTasks.AsNoTracking().SingleAsync(t => t.AssigneeUserId == leaderId && t.Kind == WorkTaskKinds.ReportRead && t.Description!.Contains(id)));
        Assert.Equal(WorkTaskStatus.Open, inbox.Status);
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == leaderId && n.TaskId == inbox.Id && n.Title.StartsWith("收到专报"))));
        var leader = await factory.ClientAsync(Leader);
        var leaderInbox = await (await leader.GetAsync("/api/tasks?scope=mine&status=open")).Content.ReadAsStringAsync();
        Assert.Contains(inbox.Id, leaderInbox);

        // The leader reads it: the receipt is recorded, the inbox item done, the reading audited.
        var read = await (await leader.GetAsync($"/api/reports/{id}")).ReadOkAsync();
        Assert.Contains("心理危机个案", read["sections"]![2]!["body"]!.GetValue<string>());
        var afterRead = await (await secretary.GetAsync($"/api/reports/{id}")).ReadOkAsync();
        var leaderReceipt = afterRead["recipients"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == Leader.UserName)!;
        Assert.NotNull(leaderReceipt["readAtUtc"]?.GetValue<DateTime?>());
        var inspectorReceipt = afterRead["recipients"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == Inspector.UserName)!;
        Assert.Null(inspectorReceipt["readAtUtc"]?.GetValue<DateTime?>());
        Assert.Equal(WorkTaskStatus.Completed, await factory.QueryAsync(db => db.WorkTasks.Where(t => t.Id == inbox.Id).Select(t => t.Status).SingleAsync()));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "report.read" && a.EntityId == id && a.UserId == leaderId)));

        // The drafter is told it was signed; a second report for the same meeting is refused.
        var secretaryId = await factory.UserIdAsync(Secretary);
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == secretaryId && n.Title.StartsWith("专报已签发"))));
        var again = await (await secretary.PostAsJsonAsync("/api/reports", new { meetingId })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已有专报", again["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task SigningTwice_Is409_WithTheReason_InTheReadersLanguage()
    {
        await factory.EnsureReportUsersAsync();
        var id = (await factory.DraftAsync(Secretary))["id"]!.GetValue<string>();
        await SubmitAsync(id);
        await (await SignOffAsync(id)).ReadOkAsync();

        var twice = await (await SignOffAsync(id)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("不能重复签发", twice["detail"]!.GetValue<string>());
        var head = await factory.ClientAsync(SupervisorTaskForce);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/reports/{id}/sign-off") { Content = JsonContent.Create(new { decision = "Sign" }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await head.SendAsync(request)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("a report is signed only once", english["detail"]!.GetValue<string>());

        // Nor can a signed report be edited or submitted again.
        var secretary = await factory.ClientAsync(Secretary);
        await (await secretary.PutAsJsonAsync($"/api/reports/{id}", new { title = "改", sections = Array.Empty<object>() })).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await secretary.PostAsync($"/api/reports/{id}/submit", null)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await factory.QueryAsync(db => db.ApprovalRecords.CountAsync(a => a.Subject == ApprovalSubject.SpecialReport
            && db.SpecialReports.Any(r => r.Id == id && r.InstanceId == a.InstanceId))));
    }

    [Fact]
    public async Task EmptyText_IsAFieldError_NamingTheSection_InBothLanguages()
    {
        await factory.EnsureReportUsersAsync();
        var id = (await factory.DraftAsync(Secretary))["id"]!.GetValue<string>();
        var secretary = await factory.ClientAsync(Secretary);

        var problem = await (await secretary.PutAsJsonAsync($"/api/reports/{id}", new
        {
            title = " ", sections = new[] { new { key = "register", body = "  " }, new { key = "nonsense", body = "x" } },
        })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("标题必填。", problem["errors"]!["title"]![0]!.GetValue<string>());
        Assert.Equal("“一、在库情况”的正文必填。", problem["errors"]!["sections[0].body"]![0]!.GetValue<string>());
        Assert.Equal("专报部分：专报中没有“nonsense”这一部分。", problem["errors"]!["sections[1].key"]![0]!.GetValue<string>());

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/reports/{id}")
        {
            Content = JsonContent.Create(new { title = "五项行动工作专报", sections = new[] { new { key = "register", body = "" } } }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await secretary.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The text of “一、在库情况” is required.", english["errors"]!["sections[0].body"]![0]!.GetValue<string>());

        // Nothing was stored: the draft keeps its drafted text.
        var body = await factory.QueryAsync(db => db.SpecialReportSections.Where(s => s.ReportId == id && s.Key == "register").Select(s => s.Body).SingleAsync());
        Assert.Contains("累计入库", body);
    }

    [Fact]
    public async Task SomeoneElsesDraft_AndReadingWithoutScope_Are403_WithTheReason()
    {
        await factory.EnsureReportUsersAsync();
        var id = (await factory.DraftAsync(Secretary))["id"]!.GetValue<string>();

        var other = await factory.ClientAsync(OtherSecretary);
        var edit = await (await other.PutAsJsonAsync($"/api/reports/{id}", new { title = "改标题" })).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("只有起草人可以修改或提交", edit["detail"]!.GetValue<string>());
        await (await other.PostAsync($"/api/reports/{id}/submit", null)).ReadProblemAsync(HttpStatusCode.Forbidden);

        // A caseworker reads no reports; a leader reads no drafts; nobody but the head signs.
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var refused = await (await caseworker.GetAsync($"/api/reports/{id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("无权查阅", refused["detail"]!.GetValue<string>());
        await (await caseworker.GetAsync("/api/reports")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await caseworker.GetAsync($"/api/reports/{id}/document?format=docx")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await caseworker.PostAsJsonAsync("/api/reports", new { })).ReadProblemAsync(HttpStatusCode.Forbidden);
        var leader = await factory.ClientAsync(Leader);
        var notYet = await (await leader.GetAsync($"/api/reports/{id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("尚未签发", notYet["detail"]!.GetValue<string>());
        await (await leader.PostAsJsonAsync("/api/reports", new { })).ReadProblemAsync(HttpStatusCode.Forbidden);

        await SubmitAsync(id);
        await (await SignOffAsync(id, by: Secretary)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsync(SupervisorAreaA)).GetAsync($"/api/reports/{id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await leader.GetAsync("/api/reports/no-such-report")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Return_NeedsAReason_GoesBackToTheDrafter_WhoEditsAndResubmits()
    {
        await factory.EnsureReportUsersAsync();
        var id = (await factory.DraftAsync(Secretary))["id"]!.GetValue<string>();
        await SubmitAsync(id);

        var noReason = await (await SignOffAsync(id, "Return")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("理由必填。", noReason["errors"]!["reason"]![0]!.GetValue<string>());
        var returned = await (await SignOffAsync(id, "Return", "请补充逾期任务的整改措施。")).ReadOkAsync();
        Assert.Equal(("Returned", "请补充逾期任务的整改措施。"), (returned["status"]!.GetValue<string>(), returned["returnReason"]!.GetValue<string>()));
        var secretaryId = await factory.UserIdAsync(Secretary);
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == secretaryId && n.Message.Contains("请补充逾期任务的整改措施。"))));

        var secretary = await factory.ClientAsync(Secretary);
        await (await secretary.PutAsJsonAsync($"/api/reports/{id}", new
        {
            title = "五项行动工作专报", sections = new[] { new { key = "supervision", body = "逾期任务已逐项督办，限期整改。" } },
        })).ReadOkAsync();
        Assert.Equal("Submitted", (await SubmitAsync(id))["status"]!.GetValue<string>());
        var signed = await (await SignOffAsync(id)).ReadOkAsync();
        Assert.Equal("Issued", signed["status"]!.GetValue<string>());
        Assert.Contains("逾期任务已逐项督办", signed["sections"]!.AsArray().Single(s => s!["key"]!.GetValue<string>() == "supervision")!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Archive_IsSearchable_ByNumberPeriodAndText_AndRecipientsSeeSignedOnly()
    {
        await factory.EnsureReportUsersAsync();
        var marker = $"专项排查{Guid.NewGuid():N}"[..12];
        var signed = await factory.DraftAsync(Secretary);
        var signedId = signed["id"]!.GetValue<string>();
        var secretary = await factory.ClientAsync(Secretary);
        await (await secretary.PutAsJsonAsync($"/api/reports/{signedId}", new
        {
            title = "五项行动工作专报", sections = new[] { new { key = "supervision", body = $"部署{marker}工作。" } },
        })).ReadOkAsync();
        await SubmitAsync(signedId);
        await (await SignOffAsync(signedId)).ReadOkAsync();
        var draftId = (await factory.DraftAsync(Secretary, title: $"{marker}草稿"))["id"]!.GetValue<string>();

        var byText = await (await secretary.GetAsync($"/api/reports?q={Uri.EscapeDataString(marker)}")).ReadOkAsync();
        Assert.Equal(new[] { draftId, signedId }.Order(StringComparer.Ordinal),
            byText["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var number = signed["numberText"]!.GetValue<string>();
        var byNumber = await (await secretary.GetAsync($"/api/reports?q={Uri.EscapeDataString(number)}")).ReadOkAsync();
        Assert.Equal(signedId, Assert.Single(byNumber["items"]!.AsArray())!["id"]!.GetValue<string>());
        var byPeriod = await (await secretary.GetAsync($"/api/reports?q={Uri.EscapeDataString("截至")}&status=Issued")).ReadOkAsync();
        Assert.Contains(byPeriod["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == signedId);
        Assert.DoesNotContain(byPeriod["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == draftId);

        // The leader's archive holds signed reports only, with their own read state.
        var leader = await factory.ClientAsync(Leader);
        var leaderList = await (await leader.GetAsync($"/api/reports?q={Uri.EscapeDataString(marker)}")).ReadOkAsync();
        var item = Assert.Single(leaderList["items"]!.AsArray())!;
        Assert.Equal((signedId, false), (item["id"]!.GetValue<string>(), item["readByMe"]!.GetValue<bool>()));

        var bad = await (await secretary.GetAsync("/api/reports?status=Lost&year=1999")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["status"]);
        Assert.NotNull(bad["errors"]!["year"]);
    }
}
