using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Infrastructure.Outbox;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;
using static Bishan.Workflow.IntegrationTests.Guardianship.GuardianshipWorld;

namespace Bishan.Workflow.IntegrationTests.Guardianship;

/// <summary>
/// The parents-return-home guardianship consultation (issue 10 point 3): proposed from a case whose parent works away,
/// arranged and recorded by 区民政局 on the <c>guardianship-consultation</c> workflow, the parent's family record changed,
/// and the three-month review delivered by the workflow's Hangfire timer; refusals with the reason (point 5).
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class ConsultationFacts(BishanWebFactory factory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly long[] UnknownJob = [987_654_321L];

    [Fact]
    public async Task Consultation_ToParentReturnsWithARegisterJob_ChangesTheFamily_AndTheThreeMonthReviewArrivesOnTheTimer()
    {
        var employer = await factory.NewEmployerAsync(openings: 1);
        var employerId = employer["id"]!.GetValue<long>();
        var jobId = employer["jobs"]![0]!["id"]!.GetValue<long>();
        var (caseId, caseworker) = await factory.CaseWithFatherAwayAsync();
        var leader = await factory.ClientAsync(Leader);
        var before = await (await leader.GetAsync("/api/stats/guardianship")).ReadOkAsync();
        var consultationId = await ProposeAsync(caseworker, caseId);

        // The department's inbox holds the arrangement task; a second proposal on the case is refused with the reason.
        var civil = await factory.ClientAsync(SupervisorCivil);
        var group = await (await civil.GetAsync("/api/tasks?scope=group&status=open&take=500")).ReadOkAsync();
        Assert.Contains(group["items"]!.AsArray(), t => t!["caseId"]?.GetValue<string>() == caseId && t["title"]!.GetValue<string>() == "父母回乡就业监护会商");
        var again = await (await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/guardianship-consultations", new { reason = "再次提请。" }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith("已有尚未结束的监护会商。", again["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // The arrangement task is done on the consultation's page, not from the general task view: 409 naming the page.
        var arrangement = group["items"]!.AsArray().First(t => t!["caseId"]?.GetValue<string>() == caseId)!;
        var elsewhere = await (await civil.PostAsJsonAsync($"/api/tasks/{arrangement["id"]!.GetValue<string>()}/complete",
            new { outcome = "ReturnedWithJob", data = new { } })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"/guardianship/consultations/{consultationId}", elsewhere["page"]!.GetValue<string>());
        Assert.Contains("须在监护会商页面办理", elsewhere["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, DistrictCalendar.TimeZone));
        var arranged = await (await civil.PostAsJsonAsync($"/api/guardianship/consultations/{consultationId}/arrangement",
            new { plannedOn = Day(today), place = "璧城街道会议室", jobIds = new[] { jobId } })).ReadOkAsync();
        Assert.Equal(("Arranged", "装配工"), (arranged["status"]!.GetValue<string>(), arranged["matchedJobs"]![0]!["title"]!.GetValue<string>()));

        // The caseworker may not record; 区民政局 records the outcome with the register's job.
        await (await caseworker.PostAsJsonAsync($"/api/guardianship/consultations/{consultationId}/record", new { })).ReadProblemAsync(HttpStatusCode.Forbidden);
        var recorded = await (await civil.PostAsJsonAsync($"/api/guardianship/consultations/{consultationId}/record", new
        {
            heldOn = Day(today), parentTookPart = true, employerTookPart = true, schoolTookPart = true, communityTookPart = false,
            outcome = "ReturnedWithJob", employerId, jobId,
        })).ReadOkAsync();
        Assert.Equal(("AwaitingFollowUp", "ReturnedWithJob", jobId), (recorded["status"]!.GetValue<string>(), recorded["outcome"]!.GetValue<string>(),
            recorded["job"]!["jobId"]!.GetValue<long>()));
        Assert.False(recorded["job"]!["hasPlace"]!.GetValue<bool>());

        // The father now works in Bishan at the employer and lives with the child, with history; the situation follows.
        var family = await (await caseworker.GetAsync($"/api/cases/{caseId}/family")).ReadOkAsync();
        var father = family["members"]![0]!;
        Assert.Equal(("InBishan", employer["name"]!.GetValue<string>(), true), (father["residence"]!.GetValue<string>(), father["employer"]!.GetValue<string>(),
            father["livesWithMinor"]!.GetValue<bool>()));
        Assert.Equal("OneParentAway", family["situation"]!.GetValue<string>());
        Assert.StartsWith("“王建国”经监护会商回乡：", family["history"]![0]!["changes"]!.GetValue<string>(), StringComparison.Ordinal);

        // Before three months the review is not due.
        var early = await (await caseworker.PostAsJsonAsync($"/api/guardianship/consultations/{consultationId}/follow-up",
            new { parentAtHome = true, caring = true, note = "父亲在家。" })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("监护回访尚未到期：会商结果记录三个月后才进行回访。", early["detail"]!.GetValue<string>());

        // The workflow waits 90 days on a timer that Hangfire holds; Hangfire firing it makes the caseworker's review task.
        var instanceId = await factory.QueryAsync(db => db.GuardianshipConsultations.Where(c => c.Id == consultationId).Select(c => c.InstanceId!).SingleAsync());
        var admin = await factory.CreateAdminClientAsync();
        var timer = (await admin.GetInstanceAsync(instanceId))["bookmarks"]!.AsArray().Single(b => b!["activityId"]!.GetValue<string>() == "wait-review")!;
        var due = timer["resumeAtUtc"]!.GetValue<DateTime>();
        var recordedAt = recorded["recordedAtUtc"]!.GetValue<DateTime>();
        Assert.Equal(recordedAt.AddDays(90), due, TimeSpan.FromMinutes(1));
        // The timer reaches Hangfire through the outbox's pump once the request has answered.
        await factory.Services.GetRequiredService<OutboxDispatcher>().DrainAsync();
        var job = ScheduledResumeJob(timer["id"]!.GetValue<string>());
        Assert.Equal(due, job.Due, TimeSpan.FromSeconds(2));
        new BackgroundJobClient(JobStorage.Current).Requeue(job.Id);
        var review = await ApiClient.WaitForAsync(() => factory.QueryAsync(db => db.WorkTasks.AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.Status == WorkTaskStatus.Open).Select(t => t.Title).ToListAsync()), l => l.Count > 0, Patience);
        Assert.Equal(["监护会商三个月后回访"], review);
        var inbox = await (await caseworker.GetAsync("/api/tasks?scope=mine&status=open&take=500")).ReadOkAsync();
        Assert.Contains(inbox["items"]!.AsArray(), t => t!["title"]!.GetValue<string>() == "监护会商三个月后回访" && t["caseId"]?.GetValue<string>() == caseId);

        var reviewed = await (await caseworker.PostAsJsonAsync($"/api/guardianship/consultations/{consultationId}/follow-up",
            new { parentAtHome = true, caring = true, note = "父亲在企业上班，每天接送孩子。" })).ReadOkAsync();
        Assert.Equal(("Closed", true), (reviewed["status"]!.GetValue<string>(), reviewed["followUpCaring"]!.GetValue<bool>()));
        var finished = await ApiClient.WaitForAsync(() => admin.GetInstanceAsync(instanceId), i => i["status"]!.GetValue<string>() == "Finished", Patience);
        Assert.Equal("Finished", finished["status"]!.GetValue<string>());

        // Every step is on the case's timeline; the reads and changes are audited.
        var timeline = (await (await caseworker.GetAsync($"/api/cases/{caseId}")).ReadOkAsync())["timeline"]!.AsArray()
            .Select(t => t!["text"]!.GetValue<string>()).ToList();
        Assert.Contains(timeline, t => t.StartsWith("提请父母回乡就业监护会商（对象：父亲）", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("区民政局安排监护会商：", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("参加：父母、企业、学校）；结果：父母回乡并在本地就业（", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("会商三个月后监护回访：父母仍在家：是；履行照护职责：是。", StringComparison.Ordinal));
        await (await civil.GetAsync($"/api/guardianship/consultations/{consultationId}")).ReadOkAsync();
        var audits = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == caseId).Select(a => a.Action).ToListAsync());
        Assert.Equal(4, audits.Count(a => a == AuditActions.GuardianshipConsultationChange));
        Assert.Contains(AuditActions.GuardianshipConsultationRead, audits);

        // The job's only place is taken: another consultation cannot use it.
        var (otherCase, otherCaseworker) = await factory.CaseWithFatherAwayAsync();
        var other = await ProposeAsync(otherCaseworker, otherCase);
        var full = await (await civil.PostAsJsonAsync($"/api/guardianship/consultations/{other}/record", new
        {
            heldOn = Day(today), parentTookPart = true, outcome = "ReturnedWithJob", employerId, jobId,
        })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("岗位“装配工”已招满或已不再提供。", full["errors"]!["jobId"]![0]!.GetValue<string>());

        // The figures count both consultations, the returned parent and the job found at this employer.
        var after = await (await leader.GetAsync("/api/stats/guardianship")).ReadOkAsync();
        int Delta(string name) => after[name]!.GetValue<int>() - before[name]!.GetValue<int>();
        Assert.Equal((2, 1, 1, 1, 1), (Delta("consultations"), Delta("parentsReturned"), Delta("jobsFound"), Delta("followUpsDone"), Delta("stillAtHomeAndCaring")));
        var atEmployer = after["byEmployer"]!.AsArray().Single(e => e!["employerId"]!.GetValue<long>() == employerId)!;
        Assert.Equal((1, 1), (atEmployer["jobsFound"]!.GetValue<int>(), atEmployer["openPlaces"]!.GetValue<int>()));
    }

    [Fact]
    public async Task BadConsultation_GetsFieldErrorsInTheReadersLanguage_AndA409WithTheReasonWhereNoParentWorksAway()
    {
        var employer = await factory.NewEmployerAsync();
        var otherEmployer = await factory.NewEmployerAsync();
        var (caseId, caseworker) = await factory.CaseWithFatherAwayAsync();

        var empty = await (await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/guardianship-consultations", new { reason = " " }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("理由必填。", empty["errors"]!["reason"]![0]!.GetValue<string>());
        var consultationId = await ProposeAsync(caseworker, caseId);

        var civil = await factory.ClientAsync(SupervisorCivil);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, DistrictCalendar.TimeZone));
        var arrange = await (await civil.PostAsJsonAsync($"/api/guardianship/consultations/{consultationId}/arrangement",
            new { plannedOn = Day(today.AddDays(-3)), jobIds = UnknownJob })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"日期不能早于提请会商的日期（{Day(today)}）。", arrange["errors"]!["plannedOn"]![0]!.GetValue<string>());
        Assert.Equal("岗位 987654321 不是该企业在名录中登记的岗位。", arrange["errors"]!["jobIds"]![0]!.GetValue<string>());

        var otherJob = otherEmployer["jobs"]![0]!["id"]!.GetValue<long>();
        var record = await (await civil.PostAsJsonAsync($"/api/guardianship/consultations/{consultationId}/record", new
        {
            heldOn = Day(today.AddDays(30)), outcome = "ReturnedWithJob", employerId = employer["id"]!.GetValue<long>(), jobId = otherJob,
        })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var errors = record["errors"]!;
        Assert.Equal($"日期不能晚于 {Day(today)}。", errors["heldOn"]![0]!.GetValue<string>());
        Assert.Equal($"岗位 {otherJob} 不是该企业在名录中登记的岗位。", errors["jobId"]![0]!.GetValue<string>());
        Assert.Contains("参加方", errors["participants"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var notInRegister = await (await civil.PostAsJsonAsync($"/api/guardianship/consultations/{consultationId}/record", new
        {
            heldOn = Day(today), parentTookPart = true, outcome = "ReturnedWithJob", employerId = 987_654_321L, jobId = otherJob,
        })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("企业 987654321 不在在璧企业名录中。", notInRegister["errors"]!["employerId"]![0]!.GetValue<string>());

        using var english = new HttpRequestMessage(HttpMethod.Post, $"/api/guardianship/consultations/{consultationId}/record")
        {
            Content = JsonContent.Create(new { heldOn = Day(today), parentTookPart = true, outcome = "NotPossibleNow" }),
        };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var en = await (await civil.SendAsync(english)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Note / reason", en["errors"]!["outcomeNote"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        // Not possible now, with the reason: the consultation closes without a review, and the case may have another later.
        var closed = await (await civil.PostAsJsonAsync($"/api/guardianship/consultations/{consultationId}/record", new
        {
            heldOn = Day(today), parentTookPart = true, communityTookPart = true, outcome = "NotPossibleNow", note = "父亲合同未到期，年底再议。",
        })).ReadOkAsync();
        Assert.Equal(("Closed", (JsonNode?)null), (closed["status"]!.GetValue<string>(), closed["followUpDueUtc"]));
        var instanceId = await factory.QueryAsync(db => db.GuardianshipConsultations.Where(c => c.Id == consultationId).Select(c => c.InstanceId!).SingleAsync());
        var admin = await factory.CreateAdminClientAsync();
        Assert.Equal("Finished", (await admin.GetInstanceAsync(instanceId))["status"]!.GetValue<string>());
        Assert.Equal("OutsideChongqing", (await (await caseworker.GetAsync($"/api/cases/{caseId}/family")).ReadOkAsync())["members"]![0]!["residence"]!.GetValue<string>());

        // A case without a parent working away: 409 with the reason.
        var (plainCase, _) = await caseworker.ReferAsync(NewReferral(SchoolA));
        var noParent = await (await caseworker.PostAsJsonAsync($"/api/cases/{plainCase}/guardianship-consultations", new { reason = "了解情况。" }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith("没有外出务工的父母，不适用父母回乡就业监护会商。", noParent["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static (string Id, DateTime Due) ScheduledResumeJob(string bookmarkId)
    {
        var job = JobStorage.Current.GetMonitoringApi().ScheduledJobs(0, 10_000)
            .Single(j => j.Value.Job?.Method.Name == "ResumeBookmarkAsync" && Equals(j.Value.Job.Args[0], bookmarkId));
        return (job.Key, job.Value.EnqueueAt);
    }
}
