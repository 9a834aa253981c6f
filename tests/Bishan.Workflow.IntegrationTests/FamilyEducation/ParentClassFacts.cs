using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases;
using Bishan.Workflow.Cases.FamilyEducation.Classes.Reminders;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.FamilyEducation;

/// <summary>
/// Issue 10 point 2, parent classes (家长课堂): a sub-centre's guidance worker schedules a class, invites the parents of families with
/// an open, accepted referral to it, records who came after the class (which files one 家长课堂 session per referral, so the
/// referral's figures include it once), the referral's page shows the class; the caseworker is reminded the day before, exactly
/// once, and not of a cancelled class; the figures count classes held, parents invited and who came. Bad input: field errors in
/// the reader's language, 409 with the reason, 403 for another sub-centre.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class ParentClassFacts(BishanWebFactory factory)
{
    private static DateOnly TodayDate => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, DistrictCalendar.TimeZone));

    private static string Day(int daysFromToday) => TodayDate.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A registered case at school A (璧城 area) with a father working away and a grandmother at home, referred and accepted by 璧城.</summary>
    private async Task<(string CaseId, string Name, string ReferralId, long FatherId, long GrandmotherId)> AcceptedFamilyAsync(bool accept = true)
    {
        var registered = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var caseworker = await factory.ClientAsync(CaseworkerA);
        await (await caseworker.PostAsJsonAsync($"/api/cases/{registered.CaseId}/family/members", new
        {
            name = "王建华", relationship = "Father", isLegalGuardian = true, residence = "OutsideChongqing", city = "广东深圳", livesWithMinor = false,
        })).ReadOkAsync();
        var family = await (await caseworker.PostAsJsonAsync($"/api/cases/{registered.CaseId}/family/members", new
        {
            name = "刘春兰", relationship = "Grandparent", isLegalGuardian = false, residence = "InBishan", livesWithMinor = true,
        })).ReadOkAsync();
        var members = family["members"]!.AsArray();
        long Id(string relationship) => members.Single(m => m!["relationship"]!.GetValue<string>() == relationship)!["id"]!.GetValue<long>();
        var referral = await (await caseworker.PostAsJsonAsync($"/api/cases/{registered.CaseId}/family-education",
            new { reason = "父亲长期在外务工，祖母隔代教养。" })).ReadOkAsync();
        var referralId = referral["id"]!.GetValue<string>();
        if (accept)
            await (await (await factory.ClientAsync(GuidanceA)).PostAsJsonAsync($"/api/family-education/referrals/{referralId}/decision",
                new { referralDecision = "Accept" })).ReadOkAsync();
        return (registered.CaseId, registered.Name, referralId, Id("Father"), Id("Grandparent"));
    }

    private static async Task<JsonObject> ScheduleAsync(HttpClient client, string date, string time = "00:00", int? capacity = null, string? subCentreId = null,
        string topic = "如何与青春期孩子沟通") =>
        await (await client.PostAsJsonAsync("/api/family-education/classes",
            new { subCentreId, topic, classDate = date, startTime = time, place = "璧城街道社区活动室", capacity })).ReadOkAsync();

    private static Task<HttpResponseMessage> InviteAsync(HttpClient client, string classId, string caseId, params long[] memberIds) =>
        client.PostAsJsonAsync($"/api/family-education/classes/{classId}/invitations", new { invitees = new[] { new { caseId, memberIds } } });

    private static async Task<JsonArray> ListAsync(HttpClient client, string when)
    {
        var response = await client.GetAsync($"/api/family-education/classes?when={when}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    [Fact]
    public async Task Class_IsScheduled_ParentsInvited_AttendanceRecorded_CountsAsOneSessionPerReferral_ShowsOnTheReferral_AndInTheFigures()
    {
        var reader = await factory.ClientAsync(CaseworkerB);
        static JsonNode Row(JsonObject figures) => figures["bySubCentre"]!.AsArray().Single(r => r!["subCentreId"]!.GetValue<string>() == "fe-sub-bicheng")!;
        var before = Row(await (await reader.GetAsync("/api/stats/family-education")).ReadOkAsync());

        var (caseId, name, referralId, fatherId, grandmotherId) = await AcceptedFamilyAsync();
        var guidance = await factory.ClientAsync(GuidanceA);
        // A sub-centre's worker schedules for their own sub-centre without naming it; the class started at midnight today.
        var scheduled = await ScheduleAsync(guidance, Day(0));
        var id = scheduled["id"]!.GetValue<string>();
        Assert.Equal(("fe-sub-bicheng", "Scheduled", "已安排"), (scheduled["subCentreId"]!.GetValue<string>(), scheduled["status"]!.GetValue<string>(),
            scheduled["statusLabel"]!.GetValue<string>()));
        Assert.Equal(("00:00", true), (scheduled["startTime"]!.GetValue<string>(), scheduled["started"]!.GetValue<bool>()));
        var candidate = scheduled["candidates"]!.AsArray().Single(c => c!["caseId"]!.GetValue<string>() == caseId)!;
        Assert.Equal((name, 2), (candidate["minorName"]!.GetValue<string>(), candidate["members"]!.AsArray().Count));

        // The centre sees it, the other sub-centre does not; a caseworker has no class list.
        Assert.Contains(await ListAsync(guidance, "upcoming"), c => c!["id"]!.GetValue<string>() == id);
        Assert.Contains(await ListAsync(await factory.ClientAsync(GuidanceCentre), "upcoming"), c => c!["id"]!.GetValue<string>() == id);
        var other = await factory.ClientAsync(GuidanceB);
        Assert.DoesNotContain(await ListAsync(other, "upcoming"), c => c!["id"]!.GetValue<string>() == id);
        await (await other.GetAsync($"/api/family-education/classes/{id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await InviteAsync(other, id, caseId, fatherId)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsync(CaseworkerA)).GetAsync("/api/family-education/classes")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await guidance.GetAsync("/api/family-education/classes/no-such-class")).ReadProblemAsync(HttpStatusCode.NotFound);

        var invited = await (await InviteAsync(guidance, id, caseId, fatherId, grandmotherId)).ReadOkAsync();
        Assert.Equal(2, invited["invitedCount"]!.GetValue<int>());
        Assert.Equal(["刘春兰", "王建华"], invited["invitations"]!.AsArray().Select(i => i!["memberName"]!.GetValue<string>()).Order());
        // Inviting again leaves the invitations as they are.
        Assert.Equal(2, (await (await InviteAsync(guidance, id, caseId, fatherId)).ReadOkAsync())["invitedCount"]!.GetValue<int>());

        var held = await (await guidance.PostAsJsonAsync($"/api/family-education/classes/{id}/attendance", new
        {
            attendance = new object[] { new { memberId = fatherId, came = false, note = "在外务工请假" }, new { memberId = grandmotherId, came = true } },
        })).ReadOkAsync();
        Assert.Equal(("Held", 1), (held["status"]!.GetValue<string>(), held["attendedCount"]!.GetValue<int>()));
        Assert.Equal("在外务工请假", held["invitations"]!.AsArray().Single(i => i!["memberId"]!.GetValue<long>() == fatherId)!["note"]!.GetValue<string>());

        var referral = await (await guidance.GetAsync($"/api/family-education/referrals/{referralId}")).ReadOkAsync();
        var session = referral["sessions"]!.AsArray().Single(s => s!["kind"]!.GetValue<string>() == "ParentClass")!;
        Assert.Equal((1, 2, "家长课堂"), (session["attendedCount"]!.GetValue<int>(), session["invitedCount"]!.GetValue<int>(), session["kindLabel"]!.GetValue<string>()));
        var shown = referral["classes"]!.AsArray().Single()!;
        Assert.Equal(("如何与青春期孩子沟通", "已开课"), (shown["topic"]!.GetValue<string>(), shown["statusLabel"]!.GetValue<string>()));
        Assert.Equal(["刘春兰"], shown["came"]!.AsArray().Select(n => n!.GetValue<string>()));

        // A correction updates the same session: the class is counted once.
        await (await guidance.PostAsJsonAsync($"/api/family-education/classes/{id}/attendance",
            new { attendance = new[] { new { memberId = fatherId, came = true } } })).ReadOkAsync();
        var corrected = await (await guidance.GetAsync($"/api/family-education/referrals/{referralId}")).ReadOkAsync();
        var sessions = corrected["sessions"]!.AsArray().Where(s => s!["kind"]!.GetValue<string>() == "ParentClass").ToList();
        Assert.Single(sessions);
        Assert.Equal(2, sessions[0]!["attendedCount"]!.GetValue<int>());

        var after = Row(await (await reader.GetAsync("/api/stats/family-education")).ReadOkAsync());
        int Delta(string field) => after[field]!.GetValue<int>() - before[field]!.GetValue<int>();
        Assert.Equal((1, 2, 2, 1, 2, 2), (Delta("sessions"), Delta("expected"), Delta("attended"), Delta("classesHeld"), Delta("parentsInvited"), Delta("parentsCame")));
        Assert.Equal(Math.Round(100m * after["parentsCame"]!.GetValue<int>() / after["parentsInvited"]!.GetValue<int>(), 1, MidpointRounding.AwayFromZero),
            after["classAttendanceRate"]!.GetValue<decimal>());

        // The timeline says so, the reads are audited, the 专报 section counts the classes.
        var timeline = await factory.QueryAsync(db => db.TimelineEntries.Where(e => e.CaseId == caseId).Select(e => e.Text).ToListAsync());
        Assert.Contains(timeline, t => t.Contains("邀请王建华（父亲）、刘春兰（祖父母）参加", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("开展家长课堂《如何与青春期孩子沟通》，到场1人（应到2人）", StringComparison.Ordinal));
        await (await guidance.GetAsync($"/api/family-education/classes/{id}")).ReadOkAsync();
        var admin = await factory.ClientAsync(Administrator);
        var reads = await (await admin.GetAsync($"/api/audit?action=family-education.class.read&entityId={caseId}")).ReadOkAsync();
        Assert.Contains(reads["items"]!.AsArray(), r => r!["userName"]!.GetValue<string>() == GuidanceA.UserName);
        var report = await (await (await factory.ClientAsync(Secretary)).PostAsJsonAsync("/api/reports", new { title = "家长课堂专报" })).ReadOkAsync();
        var body = report["sections"]!.AsArray().Single(x => x!["key"]!.GetValue<string>() == "family-education")!["body"]!.GetValue<string>();
        Assert.Contains($"家长课堂{after["classesHeld"]!.GetValue<int>()}次，邀请家长{after["parentsInvited"]!.GetValue<int>()}人次", body, StringComparison.Ordinal);
        Assert.Contains(await ListAsync(guidance, "upcoming"), c => c!["id"]!.GetValue<string>() == id && c["attended"]!.GetValue<int>() == 2);
    }

    [Fact]
    public async Task BadInput_FieldErrorsInTheReadersLanguage_409sWithTheReason_And403ForAnotherSubCentre()
    {
        var guidance = await factory.ClientAsync(GuidanceA);
        var centre = await factory.ClientAsync(GuidanceCentre);
        var empty = await (await centre.PostAsJsonAsync("/api/family-education/classes", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("分中心必填。", empty["errors"]!["subCentreId"]![0]!.GetValue<string>());
        Assert.Equal("地点必填。", empty["errors"]!["place"]![0]!.GetValue<string>());
        Assert.Equal("开课日期必填。", empty["errors"]!["classDate"]![0]!.GetValue<string>());
        Assert.Equal("课程主题必填。", empty["errors"]!["topic"]![0]!.GetValue<string>());
        var bad = new { subCentreId = "fe-centre", topic = " ", classDate = Day(-1), startTime = "25:99", place = "活动室", capacity = 0 };
        var zh = await (await centre.PostAsJsonAsync("/api/family-education/classes", bad)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("分中心“fe-centre”不是家庭教育指导分中心。", zh["errors"]!["subCentreId"]![0]!.GetValue<string>());
        Assert.Equal($"开课日期不能早于今天（{Day(0)}）。", zh["errors"]!["classDate"]![0]!.GetValue<string>());
        Assert.Equal("开始时间须为时间，格式如 19:00。", zh["errors"]!["startTime"]![0]!.GetValue<string>());
        Assert.Equal("课堂容量须为 1 至 500 之间的整数。", zh["errors"]!["capacity"]![0]!.GetValue<string>());
        using (var english = new HttpRequestMessage(HttpMethod.Post, "/api/family-education/classes") { Content = JsonContent.Create(bad) })
        {
            english.Headers.AcceptLanguage.ParseAdd("en");
            var en = await (await centre.SendAsync(english)).ReadProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal($"Class date cannot be before today ({Day(0)}).", en["errors"]!["classDate"]![0]!.GetValue<string>());
            Assert.Equal("Capacity must be a whole number from 1 to 500.", en["errors"]!["capacity"]![0]!.GetValue<string>());
        }
        // Another sub-centre's worker cannot schedule for 璧城; the centre can.
        var other = await factory.ClientAsync(GuidanceB);
        await (await other.PostAsJsonAsync("/api/family-education/classes",
            new { subCentreId = "fe-sub-bicheng", topic = "x", classDate = Day(1), startTime = "19:00", place = "x" })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await ScheduleAsync(centre, Day(1), "19:00", subCentreId: "fe-sub-bicheng");

        // Invitations: only accepted referrals to this sub-centre; members of that family; within the capacity.
        var (caseId, _, _, fatherId, grandmotherId) = await AcceptedFamilyAsync();
        var (waitingCase, _, _, waitingFather, _) = await AcceptedFamilyAsync(accept: false);
        var small = (await ScheduleAsync(guidance, Day(1), "19:00", capacity: 1))["id"]!.GetValue<string>();
        var over = await (await InviteAsync(guidance, small, caseId, fatherId, grandmotherId)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("受邀个案超出课堂容量：最多 1 人，已邀请 0 人，本次又邀请 2 人。", over["errors"]!["invitees"]![0]!.GetValue<string>());
        var notReferred = await (await InviteAsync(guidance, small, waitingCase, waitingFather)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("没有转介至家庭教育指导中心璧城分中心并已接收", notReferred["errors"]!["invitees"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var unknown = await (await InviteAsync(guidance, small, "no-such-case", 1)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("受邀个案中的个案（编号 no-such-case）不存在。", unknown["errors"]!["invitees"]![0]!.GetValue<string>());
        var stranger = await (await InviteAsync(guidance, small, caseId, waitingFather)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith($"受邀家庭成员中的成员（编号 {waitingFather}）不是个案", stranger["errors"]!["memberIds"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var none = await (await guidance.PostAsJsonAsync($"/api/family-education/classes/{small}/invitations", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("受邀个案必填。", none["errors"]!["invitees"]![0]!.GetValue<string>());
        // No member picked: the legal guardians (the father) are invited.
        var defaulted = await (await InviteAsync(guidance, small, caseId)).ReadOkAsync();
        Assert.Equal(fatherId, defaulted["invitations"]!.AsArray().Single()!["memberId"]!.GetValue<long>());

        // Attendance: not before the class starts; only invited members.
        var early = await (await guidance.PostAsJsonAsync($"/api/family-education/classes/{small}/attendance",
            new { attendance = new[] { new { memberId = fatherId, came = true } } })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"家长课堂于 {Day(1)} 19:00 开始，开课后才能登记到场情况。", early["detail"]!.GetValue<string>());
        var today = (await ScheduleAsync(guidance, Day(0)))["id"]!.GetValue<string>();
        await (await InviteAsync(guidance, today, caseId, fatherId)).ReadOkAsync();
        var notInvited = await (await guidance.PostAsJsonAsync($"/api/family-education/classes/{today}/attendance",
            new { attendance = new[] { new { memberId = grandmotherId, came = true } } })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"到场情况中的成员（编号 {grandmotherId}）未受邀参加该家长课堂。", notInvited["errors"]!["attendance"]![0]!.GetValue<string>());
        await (await guidance.PostAsJsonAsync($"/api/family-education/classes/{today}/attendance",
            new { attendance = new[] { new { memberId = fatherId, came = true } } })).ReadOkAsync();

        // A held class is neither cancelled nor invited to; a cancelled one takes no invitation and no attendance.
        var cancelHeld = await (await guidance.PostAsJsonAsync($"/api/family-education/classes/{today}/cancel", new { reason = "x" })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("该家长课堂已开课并登记了到场情况，不能取消。", cancelHeld["detail"]!.GetValue<string>());
        var inviteHeld = await (await InviteAsync(guidance, today, caseId, grandmotherId)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("该家长课堂目前“已开课”，不能再邀请家长。", inviteHeld["detail"]!.GetValue<string>());
        var noReason = await (await guidance.PostAsJsonAsync($"/api/family-education/classes/{small}/cancel", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("理由必填。", noReason["errors"]!["reason"]![0]!.GetValue<string>());
        var cancelled = await (await guidance.PostAsJsonAsync($"/api/family-education/classes/{small}/cancel", new { reason = "场地临时检修。" })).ReadOkAsync();
        Assert.Equal(("Cancelled", "场地临时检修。"), (cancelled["status"]!.GetValue<string>(), cancelled["cancelReason"]!.GetValue<string>()));
        var inviteCancelled = await (await InviteAsync(guidance, small, caseId, grandmotherId)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("该家长课堂目前“已取消”，不能再邀请家长。", inviteCancelled["detail"]!.GetValue<string>());
        await (await guidance.PostAsJsonAsync($"/api/family-education/classes/{small}/cancel", new { reason = "x" })).ReadProblemAsync(HttpStatusCode.Conflict);
        var bicheng = await factory.QueryAsync(db => db.TimelineEntries.Where(e => e.CaseId == caseId).Select(e => e.Text).ToListAsync());
        Assert.Contains(bicheng, t => t.Contains("已取消。理由：场地临时检修。", StringComparison.Ordinal));
        var when = await (await guidance.GetAsync("/api/family-education/classes?when=someday")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("时间范围须为以下之一：upcoming, past。", when["errors"]!["when"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Reminder_TheDayBefore_ReachesTheCaseworkerExactlyOnce_EvenFromTwoSweepsAtOnce_AndNotForACancelledClass()
    {
        var (caseId, name, _, fatherId, grandmotherId) = await AcceptedFamilyAsync();
        var guidance = await factory.ClientAsync(GuidanceA);
        var topic = "家长课堂" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var id = (await ScheduleAsync(guidance, Day(2), "19:00", topic: topic))["id"]!.GetValue<string>();
        await (await InviteAsync(guidance, id, caseId, fatherId, grandmotherId)).ReadOkAsync();
        var cancelledTopic = topic + "（取消）";
        var cancelledId = (await ScheduleAsync(guidance, Day(2), "09:00", topic: cancelledTopic))["id"]!.GetValue<string>();
        await (await InviteAsync(guidance, cancelledId, caseId, fatherId)).ReadOkAsync();
        await (await guidance.PostAsJsonAsync($"/api/family-education/classes/{cancelledId}/cancel", new { reason = "主讲老师临时有事。" })).ReadOkAsync();

        // Today at 09:00 in Bishan: the class is the day after tomorrow, no reminder yet.
        var clock = new FakeTimeProvider(TimeZoneInfo.ConvertTimeToUtc(TodayDate.ToDateTime(new TimeOnly(9, 0)), DistrictCalendar.TimeZone));
        await SweepAsync(clock);
        Assert.Empty(await RemindersAsync(caseId, topic));

        // Tomorrow: two nodes sweep at the same moment, then the hourly sweep fires again; one reminder.
        clock.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(SweepAsync(clock), SweepAsync(clock));
        clock.Advance(TimeSpan.FromHours(1));
        await SweepAsync(clock);
        var reminders = await RemindersAsync(caseId, topic);
        var reminder = Assert.Single(reminders);
        Assert.Equal(await factory.UserIdAsync(CaseworkerA), reminder.UserId);
        Assert.Equal($"明天 19:00 在 璧城街道社区活动室 有家长课堂《{topic}》，已邀请 {name}的父亲、祖父母。", reminder.Message);
        Assert.Empty(await RemindersAsync(caseId, cancelledTopic));

        // The caseworker sees it among their notifications.
        var mine = await (await (await factory.ClientAsync(CaseworkerA)).GetAsync("/api/notifications?take=200")).Content.ReadAsStringAsync();
        Assert.Contains(topic, mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovedClass_IsRemindedOfTheDayBeforeItsNewDate_AndTheCaseworkerIsToldOfTheMove()
    {
        var (caseId, _, _, fatherId, _) = await AcceptedFamilyAsync();
        var guidance = await factory.ClientAsync(GuidanceA);
        var topic = "改期课堂" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var id = (await ScheduleAsync(guidance, Day(2), "19:00", topic: topic))["id"]!.GetValue<string>();
        await (await InviteAsync(guidance, id, caseId, fatherId)).ReadOkAsync();
        var clock = new FakeTimeProvider(TimeZoneInfo.ConvertTimeToUtc(TodayDate.AddDays(1).ToDateTime(new TimeOnly(9, 0)), DistrictCalendar.TimeZone));
        await SweepAsync(clock);
        Assert.Single(await RemindersAsync(caseId, topic));

        // Moved three days later and to another room: no reminder until the day before the new date, then one more.
        var bad = await (await guidance.PostAsJsonAsync($"/api/family-education/classes/{id}/reschedule", new { classDate = Day(-1), startTime = "7 pm" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"开课日期不能早于今天（{Day(0)}）。", bad["errors"]!["classDate"]![0]!.GetValue<string>());
        Assert.Equal("开始时间须为时间，格式如 19:00。", bad["errors"]!["startTime"]![0]!.GetValue<string>());
        var moved = await (await guidance.PostAsJsonAsync($"/api/family-education/classes/{id}/reschedule",
            new { classDate = Day(5), startTime = "18:30", place = "璧城小学多功能厅" })).ReadOkAsync();
        Assert.Equal((Day(5), "18:30", "璧城小学多功能厅"), (moved["classDate"]!.GetValue<string>(), moved["startTime"]!.GetValue<string>(), moved["place"]!.GetValue<string>()));
        var caseworkerId = await factory.UserIdAsync(CaseworkerA);
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == caseworkerId && n.CaseId == caseId
            && n.Message.Contains($"《{topic}》由{Day(2)} 19:00改至{Day(5)} 18:30"))));
        clock.Advance(TimeSpan.FromDays(1));
        await SweepAsync(clock);
        Assert.Single(await RemindersAsync(caseId, topic));
        clock.Advance(TimeSpan.FromDays(2));
        await SweepAsync(clock);
        await SweepAsync(clock);
        var reminders = await RemindersAsync(caseId, topic);
        Assert.Equal(2, reminders.Count);
        Assert.Contains(reminders, r => r.Message.StartsWith("明天 18:30 在 璧城小学多功能厅", StringComparison.Ordinal));
    }

    private async Task SweepAsync(TimeProvider clock)
    {
        using var scope = factory.Services.CreateScope();
        await new FamilyEducationClassReminders(scope.ServiceProvider.GetRequiredService<ICasesDbContext>(), clock).RunAsync(CancellationToken.None);
    }

    private Task<List<Bishan.Workflow.Cases.Model.Notification>> RemindersAsync(string caseId, string topic) =>
        factory.QueryAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.CaseId == caseId && n.Title.StartsWith("家长课堂提醒") && n.Message.Contains("《" + topic + "》")).ToListAsync());
}
