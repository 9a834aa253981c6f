using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.IntegrationTests.CasesApi;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Family;

/// <summary>
/// Family on the case file (issue 10, point 1): guardians entered at referral and later, masked phones revealed with an audit,
/// history of changes, the duplicate checks, scope, and field errors in the reader's language (point 5).
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class FamilyFacts(BishanWebFactory factory)
{
    private static int _phone = Random.Shared.Next(1000, 9000);

    /// <summary>A fresh mobile number per call, so facts on the shared database never collide.</summary>
    private static string NewPhone() => "139" + Interlocked.Increment(ref _phone).ToString("0000", System.Globalization.CultureInfo.InvariantCulture)
        + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object Father(string phone, string residence = "OutsideChongqing", string? city = "广东深圳") => new
    {
        name = "王建国", relationship = "Father", isLegalGuardian = true, phone, residence, city, employer = "深圳某电子厂", livesWithMinor = false,
    };

    [Fact]
    public async Task Guardians_EnteredAtReferralAndLater_ShowMaskedWithHistory_AndTheWholePhoneIsAnAuditedReveal()
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var fatherPhone = NewPhone();
        var referral = NewReferral(SchoolA);
        referral["family"] = new JsonObject
        {
            ["situation"] = "BothParentsAway",
            ["support"] = "MinimumLiving",
            ["members"] = new JsonArray(JsonSerializer(Father(fatherPhone))),
        };
        var (caseId, _) = await caseworker.ReferAsync(referral);

        var motherPhone = NewPhone();
        var added = await (await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/family/members", new
        {
            name = "李秀英", relationship = "母亲", isLegalGuardian = true, phone = $"{motherPhone[..3]} {motherPhone[3..7]} {motherPhone[7..]}",
            residence = "ElsewhereInChongqing", employer = "永川某服装厂", livesWithMinor = false,
        })).ReadOkAsync();
        await (await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/family/members", new
        {
            name = "王德明", relationship = "Grandparent", isLegalGuardian = false, residence = "InBishan", livesWithMinor = true,
        })).ReadOkAsync();

        var family = await (await caseworker.GetAsync($"/api/cases/{caseId}/family")).ReadOkAsync();
        Assert.Equal(("BothParentsAway", "MinimumLiving", true),
            (family["situation"]!.GetValue<string>(), family["support"]!.GetValue<string>(), family["parentWorkingAway"]!.GetValue<bool>()));
        var members = family["members"]!.AsArray();
        Assert.Equal(["Father", "Mother", "Grandparent"], members.Select(m => m!["relationship"]!.GetValue<string>()));
        var father = members[0]!;
        Assert.Equal(fatherPhone[..3] + "****" + fatherPhone[7..], father["phone"]!.GetValue<string>());
        Assert.Equal(motherPhone[..3] + "****" + motherPhone[7..], members[1]!["phone"]!.GetValue<string>());
        Assert.Equal("广东深圳", father["city"]!.GetValue<string>());
        Assert.DoesNotContain(fatherPhone, family.ToJsonString(), StringComparison.Ordinal);
        Assert.True(added["mayRevealPhones"]!.GetValue<bool>());

        // The whole number: the caseworker, on purpose, audited; a supervisor reads the family but may not reveal.
        var fatherId = father["id"]!.GetValue<long>();
        var revealed = await (await caseworker.PostAsync($"/api/cases/{caseId}/family/members/{fatherId}/phone/reveal", null)).ReadOkAsync();
        Assert.Equal(fatherPhone, revealed["phone"]!.GetValue<string>());
        var supervisor = await factory.ClientAsync(SupervisorAreaA);
        Assert.False((await (await supervisor.GetAsync($"/api/cases/{caseId}/family")).ReadOkAsync())["mayRevealPhones"]!.GetValue<bool>());
        await (await supervisor.PostAsync($"/api/cases/{caseId}/family/members/{fatherId}/phone/reveal", null)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var audits = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == caseId).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.FamilyPhoneReveal, audits);
        Assert.Contains(AuditActions.FamilyRead, audits);
        Assert.Equal(3, audits.Count(a => a == AuditActions.FamilyChange));

        // Out of scope: another area's caseworker gets 403 and reads nothing.
        var outsider = await factory.ClientAsync(CaseworkerB);
        await (await outsider.GetAsync($"/api/cases/{caseId}/family")).ReadProblemAsync(HttpStatusCode.Forbidden);

        // A change: the father comes home; the history keeps the old place, the timeline names nobody.
        var changed = await (await caseworker.PutAsJsonAsync($"/api/cases/{caseId}/family/members/{fatherId}",
            Father(fatherPhone, "InBishan", null))).ReadOkAsync();
        var history = changed["history"]!.AsArray().Select(h => h!["changes"]!.GetValue<string>()).ToList();
        Assert.Equal("修改家庭成员“王建国”：居住/工作地：重庆市外·广东深圳 → 在璧山", history[0]);
        Assert.Contains(history, h => h.Contains("新增家庭成员：王建国（父亲，法定监护人，电话" + fatherPhone[..3] + "****", StringComparison.Ordinal));
        Assert.All(history, h => Assert.DoesNotContain(fatherPhone, h, StringComparison.Ordinal));
        var file = await (await caseworker.GetAsync($"/api/cases/{caseId}")).ReadOkAsync();
        Assert.DoesNotContain(file["timeline"]!.AsArray(), t => t!["text"]!.GetValue<string>().Contains("王建国", StringComparison.Ordinal));
        Assert.Contains(file["timeline"]!.AsArray(), t => t!["text"]!.GetValue<string>().StartsWith("更新了家庭信息", StringComparison.Ordinal));

        // Nothing changed: 409 with the reason; the situation changes with history.
        var same = await (await caseworker.PutAsJsonAsync($"/api/cases/{caseId}/family/members/{fatherId}", Father(fatherPhone, "InBishan", null)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("家庭信息没有变化。", same["detail"]!.GetValue<string>());
        var situation = await (await caseworker.PutAsJsonAsync($"/api/cases/{caseId}/family/situation", new { situation = "OneParentAway", support = "MinimumLiving" })).ReadOkAsync();
        Assert.Equal("监护状况：父母均外出务工（留守） → 父母一方外出务工", situation["history"]![0]!["changes"]!.GetValue<string>());

        // Removing keeps the row (inactive) for the history.
        var removed = await (await caseworker.DeleteAsync($"/api/cases/{caseId}/family/members/{members[2]!["id"]!.GetValue<long>()}")).ReadOkAsync();
        Assert.Equal(2, removed["members"]!.AsArray().Count);
        Assert.StartsWith("移除家庭成员：王德明（祖父母", removed["history"]![0]!["changes"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicates_TheSamePersonTwiceOrASecondFather_Are409WithTheReason_AndAReferralFindsTheChildByAGuardiansPhone()
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var phone = NewPhone();
        var referral = NewReferral(SchoolA);
        referral["family"] = new JsonObject { ["members"] = new JsonArray(JsonSerializer(Father(phone))) };
        var (caseId, _) = await caseworker.ReferAsync(referral);

        var samePhone = await (await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/family/members", new
        {
            name = "王叔叔", relationship = "OtherRelative", phone, residence = "InBishan",
        })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"家庭成员“王建国”已登记电话 {phone[..3]}****{phone[7..]}，同一个人请勿重复添加。", samePhone["detail"]!.GetValue<string>());
        var secondFather = await (await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/family/members", new
        {
            name = "王某", relationship = "Father", residence = "InBishan",
        })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("档案中已有父亲“王建国”，如信息有误请修改原记录。", secondFather["detail"]!.GetValue<string>());

        // The same child referred again with another birth date and no ID number: the guardian's phone finds the file.
        var again = NewReferral(SchoolA, name: referral["name"]!.GetValue<string>(), dateOfBirth: "2013-05-06");
        again.Remove("idNumber");
        again["family"] = new JsonObject { ["members"] = new JsonArray(JsonSerializer(Father(phone))) };
        var conflict = await (await caseworker.PostAsJsonAsync("/api/referrals", again)).ReadProblemAsync(HttpStatusCode.Conflict);
        var candidate = conflict["candidates"]!.AsArray().Single(c => c!["caseId"]!.GetValue<string>() == caseId)!;
        Assert.Equal("nameAndGuardianPhone", candidate["matchedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadInput_GetsFieldErrorsInTheReadersLanguage_AndTheLeaderOnlyReads()
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var (caseId, _) = await caseworker.ReferAsync(NewReferral(SchoolA));
        var bad = new { name = " ", relationship = "Uncle", phone = "12345", residence = "OutsideChongqing", city = " " };

        var zh = await (await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/family/members", bad)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var errors = zh["errors"]!.AsObject();
        Assert.Equal(["city", "name", "phone", "relationship"], errors.Select(e => e.Key).Order());
        Assert.Equal("电话须为中国大陆手机号（11位，1开头）或带区号的固定电话，例如 13812345678 或 023-41234567。", errors["phone"]![0]!.GetValue<string>());
        Assert.Equal("与未成年人关系须为以下之一：父亲、母亲、祖父母、外祖父母、其他亲属、其他监护人。", errors["relationship"]![0]!.GetValue<string>());
        Assert.Equal("姓名必填。", errors["name"]![0]!.GetValue<string>());

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/family/members") { Content = JsonContent.Create(bad) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var en = (await (await caseworker.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.StartsWith("The phone must be a mainland China mobile number", en["phone"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Relationship must be one of: Father, Mother, Grandparent (father's side), Grandparent (mother's side), Other relative, Other guardian.",
            en["relationship"]![0]!.GetValue<string>());

        // At referral the same checks answer at family.members[i].field, and nothing is created.
        var referral = NewReferral(SchoolA);
        referral["family"] = new JsonObject
        {
            ["situation"] = "Orphaned",
            ["members"] = new JsonArray(JsonSerializer(new { name = "张三", relationship = "Father", phone = "0000", residence = "InBishan" })),
        };
        var atReferral = (await (await caseworker.PostAsJsonAsync("/api/referrals", referral)).ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["family.members[0].phone", "family.situation"], atReferral.Select(e => e.Key).Order());
        Assert.StartsWith("监护状况须为以下之一：父母均外出务工（留守）", atReferral["family.situation"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var name = referral["name"]!.GetValue<string>();
        Assert.False(await factory.QueryAsync(db => db.Cases.AnyAsync(c => c.Name == name)));

        // Leaders read, never write.
        var leader = await factory.ClientAsync(Leader);
        await (await leader.GetAsync($"/api/cases/{caseId}/family")).ReadOkAsync();
        await (await leader.PostAsJsonAsync($"/api/cases/{caseId}/family/members", Father(NewPhone()))).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    private static JsonNode JsonSerializer(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!;
}
