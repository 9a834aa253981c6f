using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

[Collection(AppCollectionDefinition.Name)]
public sealed class InstanceFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task InstancesPage_OpensAnInstanceJournal() => RunAsync(async page =>
    {
        await SignInAsync(page, "/instances");
        var id = App.FinishedInstanceId;
        var list = page.Locator("[data-testid=instances]");
        await Assertions.Expect(list).ToContainTextAsync("hello-bishan");
        await Assertions.Expect(list).ToContainTextAsync("e2e-faults");
        await AssertNoHorizontalScrollAsync(page);

        await page.ClickAsync($"[data-testid=instance-link][title='{id}']");
        await page.WaitForURLAsync($"**/instances/{id}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("hello-bishan");
        var journal = page.Locator("[data-testid=journal]");
        await Assertions.Expect(journal).ToContainTextAsync("WriteLine1");
        await Assertions.Expect(page.Locator("[data-testid=journal-event]").First).ToHaveTextAsync("开始");
        await Assertions.Expect(page.Locator("[data-testid=no-incidents]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=retry]")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=cancel]")).ToBeDisabledAsync();
        await AssertNoHorizontalScrollAsync(page);
    });

    [Fact]
    public Task CancelButton_CancelsAWaitingInstance_AfterConfirmation() => RunAsync(async page =>
    {
        await SignInAsync(page, $"/instances/{App.WaitingInstanceId}");
        var status = page.Locator("[data-status]");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "Suspended");

        await page.ClickAsync("[data-testid=cancel]");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();

        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "Cancelled");
        await Assertions.Expect(page.Locator("[data-testid=cancel]")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=journal]")).ToContainTextAsync("取消");
    });

    [Fact]
    public Task FaultedInstance_ShowsItsIncident_AndRetryRunsItAgain() => RunAsync(async page =>
    {
        await SignInAsync(page, $"/instances/{App.FaultedInstanceId}");
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Faulted");
        await Assertions.Expect(page.Locator("[data-testid=incidents]")).ToContainTextAsync("E2E fault");
        await Assertions.Expect(page.Locator("[data-testid=cancel]")).ToBeDisabledAsync();

        await page.ClickAsync("[data-testid=retry]");

        // The script throws again: the runtime answers with the instance faulted anew, shown in a snackbar.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已重试，当前状态：出错");
        await Assertions.Expect(page.Locator("[data-testid=incidents] .mud-alert")).ToHaveCountAsync(2);
    });

    [Fact]
    public Task InstanceViewer_OpensCentredOnTheWaitingActivity_WithJournalTimes() => RunAsync(async page =>
    {
        // A fresh waiting instance (another fact cancels the fixture's).
        using var admin = await DemoApi.SignInAsync(App, AppFixture.AdminUserName);
        var instanceId = (await admin.PostAsync("/api/workflow-definitions/e2e-waits/execute", new { correlationId = "E2E-VIEWER-1" }))["instanceId"]!.GetValue<string>();
        await page.SetViewportSizeAsync(1440, 900);
        await SignInAsync(page, $"/designer/instances/{instanceId}");
        var waiting = page.Locator("[data-testid=wf-node][data-state=Waiting]");
        await Assertions.Expect(waiting).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=instance-viewer]")).ToHaveAttributeAsync("data-focus", (await waiting.GetAttributeAsync("data-activity-id"))!);
        // Its centre within a few pixels of the canvas's centre.
        const string Offset = """
            () => {
              const c = document.querySelector('[data-testid=designer-canvas]').getBoundingClientRect();
              const n = document.querySelector('[data-testid=wf-node][data-state=Waiting]').getBoundingClientRect();
              return Math.hypot((n.left + n.right) / 2 - (c.left + c.right) / 2, (n.top + n.bottom) / 2 - (c.top + c.bottom) / 2);
            }
            """;
        await page.WaitForFunctionAsync($"() => ({Offset})() < 60", null, new() { Timeout = StepTimeoutMs });
        Assert.InRange(await page.EvaluateAsync<double>(Offset), 0, 60);

        // The journal says when: a date and time in the zh-CN format, in Bishan's time zone.
        var time = page.Locator("[data-testid=journal-time]").First;
        await Assertions.Expect(time).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}$"));
    });

    [Fact]
    public Task InstancesPage_ShowsTheWholeId_AndTheCaseFileNumber_LinkedToTheCase() => RunAsync(async page =>
    {
        using var caseworker = await DemoApi.SignInAsync(App, "caseworker");
        var referral = await caseworker.PostAsync("/api/referrals", new
        {
            name = "实例列表" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            gender = "Male",
            dateOfBirth = "2012-02-03",
            orgUnitId = "school-bishan-middle",
            reason = "连续两周未到校。",
            suggestedAction = "DropoutPrevention",
            source = "班主任",
        });
        var caseId = referral["caseId"]!.GetValue<string>();
        var instanceId = referral["workflowInstanceId"]!.GetValue<string>();
        var fileNumber = (await caseworker.GetAsync($"/api/cases/{caseId}"))["profile"]!["fileNumber"]!.GetValue<string>();

        await page.SetViewportSizeAsync(1440, 900);
        await SignInAsync(page, "/instances");
        var link = page.Locator($"[data-testid=instance-link][title='{instanceId}']");
        await Assertions.Expect(link).ToHaveTextAsync(instanceId);
        var row = page.Locator("tr", new() { Has = link });
        var caseLink = row.Locator("[data-testid=instance-case-link]");
        await Assertions.Expect(caseLink).ToHaveTextAsync(fileNumber);
        await caseLink.ClickAsync();
        await page.WaitForURLAsync($"**/cases/{caseId}");
    });

    [Fact]
    public Task InstancesPage_IsDeniedToACaseworker_AndHiddenFromTheirMenu() => RunAsync(async page =>
    {
        await SignInAsync(page, "/", "caseworker");
        await Assertions.Expect(page.Locator("[data-testid=roles]")).ToContainTextAsync("帮扶责任人");
        await Assertions.Expect(page.Locator("[data-testid=welcome]")).ToHaveTextAsync("您好，张老师（璧山中学）");
        await Assertions.Expect(page.Locator("[data-testid=nav-menu]")).Not.ToContainTextAsync("流程实例");
        await Assertions.Expect(page.Locator("[data-testid=definitions]")).ToHaveCountAsync(0);

        await page.GotoAsync("/instances");
        await page.WaitForURLAsync("**/access-denied?**");
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
    });
}
