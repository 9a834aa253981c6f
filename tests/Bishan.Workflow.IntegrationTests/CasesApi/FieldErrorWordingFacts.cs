using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// Field errors from the API name the field as the form labels it (姓名必填。), in the request's language; the
/// <c>errors</c> object stays keyed by the field's API name, which is how the UI places each message.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed partial class FieldErrorWordingFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task EmptyReferral_NamesFieldsByTheirChineseLabels()
    {
        var client = await factory.ClientAsync(CaseworkerA);

        var problem = await (await client.PostAsJsonAsync("/api/referrals", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("姓名必填。", problem["errors"]!["name"]![0]!.GetValue<string>());
        Assert.Equal("性别必填。", problem["errors"]!["gender"]![0]!.GetValue<string>());
        Assert.Equal("出生日期必填。", problem["errors"]!["dateOfBirth"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task EmptyReferral_NamesFieldsByTheirEnglishLabels_WhenAskedInEnglish()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = JsonContent.Create(new { }) };
        request.Headers.AcceptLanguage.ParseAdd("en");

        var problem = await (await client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Name is required.", problem["errors"]!["name"]![0]!.GetValue<string>());
        Assert.Equal("Date of birth is required.", problem["errors"]!["dateOfBirth"]![0]!.GetValue<string>());
        Assert.Equal("Invalid input", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProblemTitles_ReadInTheRequestsLanguage_LikeTheirDetail()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        Assert.Equal("输入有误", (await (await client.PostAsJsonAsync("/api/referrals", new { })).ReadProblemAsync(HttpStatusCode.BadRequest))["title"]!.GetValue<string>());
        Assert.Equal("未找到", (await (await client.GetAsync("/api/cases/no-such-case")).ReadProblemAsync(HttpStatusCode.NotFound))["title"]!.GetValue<string>());
        Assert.Equal("未登录或登录已过期", (await (await factory.CreateClient().GetAsync("/api/cases")).ReadProblemAsync(HttpStatusCode.Unauthorized))["title"]!.GetValue<string>());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cases/no-such-case");
        request.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Equal("Not found", (await (await client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.NotFound))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task AChoiceOutsideTheList_ListsTheChoicesAsTheReaderListsThem()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var referral = new { name = "测试", gender = "Male", dateOfBirth = "2013-03-15", orgUnitId = SchoolA, reason = "测试",
            family = new { members = new[] { new { name = "测试父", relationship = "uncle", residence = "InBishan" } } } };
        var zh = await (await client.PostAsJsonAsync("/api/referrals", referral)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("父亲、母亲", zh["errors"]!["family.members[0].relationship"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = JsonContent.Create(referral) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var en = await (await client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Father, Mother", en["errors"]!["family.members[0].relationship"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/referrals", "caseworker")]
    [InlineData("/api/funding/budget-lines", "admin")]
    [InlineData("/api/funding/expenditures", "admin")]
    [InlineData("/api/helpers", "admin")]
    public async Task EmptyCommand_WordsEveryFieldErrorWithoutARawKey_InChinese(string path, string who)
    {
        var client = await factory.ClientAsync(who == "admin" ? Administrator : CaseworkerA);

        var problem = await (await client.PostAsJsonAsync(path, new { })).ReadProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.NotEmpty(errors);
        foreach (var (field, messages) in errors)
            foreach (var message in messages!.AsArray().Select(m => m!.GetValue<string>()))
            {
                Assert.DoesNotContain(field, message, StringComparison.Ordinal);
                Assert.DoesNotMatch(QuotedLatinOrCamelCase(), message);
            }
    }

    // “name”, "orgUnitId" or a bare camelCase identifier such as dateOfBirth.
    [GeneratedRegex("""[“"][A-Za-z]\w*[”"]|\b[a-z]+[A-Z]\w*\b""")]
    private static partial Regex QuotedLatinOrCamelCase();
}
