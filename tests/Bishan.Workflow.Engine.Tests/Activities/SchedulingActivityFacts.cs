using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Tests.Support;

namespace Bishan.Workflow.Engine.Tests.Activities;

/// <summary>Delay, Timer, StartAt, Cron and Event: bookmarks with absolute times from the fake clock, and triggers.</summary>
public sealed class SchedulingActivityFacts
{
    private static readonly DateTime Epoch = WorkflowHarness.Epoch.UtcDateTime;

    private static string Waiting(JsonObject waiter) => WorkflowJson.Flowchart(
        [A.Start(), waiter, A.WriteLine("after", "after")], [A.Connect("start", waiter["id"]!.GetValue<string>()), A.Connect(waiter["id"]!.GetValue<string>(), "after")]);

    [Fact]
    public async Task Delay_CreatesBookmarkAtNowPlusSpan_AndContinuesWhenResumed()
    {
        var run = new WorkflowHarness(Waiting(A.Delay("wait", "00:05:00")));
        run.Time.Advance(TimeSpan.FromMinutes(30));
        await run.StartAsync();

        var bookmark = Assert.Single(run.State.Bookmarks);
        Assert.Equal("Elsa.Delay", bookmark.Name);
        Assert.Equal(Epoch.AddMinutes(35), bookmark.ResumeAtUtc);
        Assert.Equal(DateTimeKind.Utc, bookmark.ResumeAtUtc!.Value.Kind);
        Assert.Equal("flow:wait", bookmark.NodeId);
        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        Assert.Equal(WorkflowStatus.Running, run.State.Status);
        Assert.Empty(run.Lines);

        run.Time.Advance(TimeSpan.FromMinutes(5));
        await run.ResumeAsync();

        Assert.Equal(["after"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Empty(run.State.Bookmarks);
        Assert.Equal([bookmark.Id], run.Last!.RemovedBookmarkIds);
    }

    [Theory]
    [InlineData("PT2H", 120)]
    [InlineData("1.00:00:00", 1440)]
    public async Task Delay_AcceptsIsoAndDotNetDurations(string span, int minutes)
    {
        var run = await WorkflowHarness.RunAsync(Waiting(A.Delay("wait", span)));

        Assert.Equal(Epoch.AddMinutes(minutes), Assert.Single(run.State.Bookmarks).ResumeAtUtc);
    }

    [Theory]
    [InlineData("delay of zero")]
    [InlineData("start time in the past")]
    public async Task Waiter_CompletesAtOnce_WhenThereIsNothingToWaitFor(string waiter)
    {
        var activity = waiter == "delay of zero" ? A.Delay("wait", "00:00:00") : A.StartAt("wait", "2026-03-01T09:00:00+08:00");

        var run = await WorkflowHarness.RunAsync(Waiting(activity));

        Assert.Equal(["after"], run.Lines);
        Assert.Empty(run.State.Bookmarks);
    }

    [Fact]
    public async Task Resume_Throws_WhenBookmarkWasAlreadyBurned()
    {
        // A timer job that fires twice must find nothing the second time.
        var run = await WorkflowHarness.RunAsync(Waiting(A.Delay("wait", "00:05:00")));
        var bookmark = Assert.Single(run.State.Bookmarks);
        await run.ResumeAsync(bookmark);

        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => run.ResumeAsync(bookmark));
        Assert.Equal(["after"], run.Lines);
    }

    [Fact]
    public async Task Timer_CreatesBookmarkAtNowPlusInterval_WhenNotTheTrigger()
    {
        var run = await WorkflowHarness.RunAsync(Waiting(A.Timer("timer", "01:00:00")));

        var bookmark = Assert.Single(run.State.Bookmarks);
        Assert.Equal("Elsa.Timer", bookmark.Name);
        Assert.Equal(Epoch.AddHours(1), bookmark.ResumeAtUtc);
    }

    [Theory]
    [InlineData("2026-03-05T09:00:00", "2026-03-05T01:00:00Z")]
    [InlineData("2026-03-05T09:00:00+08:00", "2026-03-05T01:00:00Z")]
    [InlineData("2026-03-05T09:00:00Z", "2026-03-05T09:00:00Z")]
    public async Task StartAt_CreatesBookmarkAtThatInstant_ReadingLocalTimesAsShanghai(string dateTime, string expectedUtc)
    {
        var run = await WorkflowHarness.RunAsync(Waiting(A.StartAt("at", dateTime)));

        var bookmark = Assert.Single(run.State.Bookmarks);
        Assert.Equal("Elsa.StartAt", bookmark.Name);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, bookmark.ResumeAtUtc);
    }

    [Fact]
    public async Task Cron_CreatesBookmarkAtNextShanghaiOccurrence_WhenNotTheTrigger()
    {
        // Epoch is Monday 08:00 in Shanghai: the next "Monday 09:00" is one hour later, 01:00 UTC.
        var run = await WorkflowHarness.RunAsync(Waiting(A.Cron("cron", "0 0 9 * * MON")));

        var bookmark = Assert.Single(run.State.Bookmarks);
        Assert.Equal("Elsa.Cron", bookmark.Name);
        Assert.Equal(new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc), bookmark.ResumeAtUtc);
    }

    [Fact]
    public async Task Cron_CreatesBookmarkNextWeek_WhenThisWeeksOccurrenceHasPassed()
    {
        var run = new WorkflowHarness(Waiting(A.Cron("cron", "0 0 9 * * MON")));
        run.Time.Advance(TimeSpan.FromHours(2)); // Monday 10:00 in Shanghai
        await run.StartAsync();

        Assert.Equal(new DateTime(2026, 3, 9, 1, 0, 0, DateTimeKind.Utc), Assert.Single(run.State.Bookmarks).ResumeAtUtc);
    }

    [Fact]
    public async Task Cron_AcceptsFiveFieldExpressions()
    {
        var run = await WorkflowHarness.RunAsync(Waiting(A.Cron("cron", "30 9 * * *")));

        Assert.Equal(new DateTime(2026, 3, 2, 1, 30, 0, DateTimeKind.Utc), Assert.Single(run.State.Bookmarks).ResumeAtUtc);
    }

    [Theory]
    [InlineData("timer")]
    [InlineData("cron")]
    public async Task ScheduledTrigger_CompletesAtOnce_WhenItStartedTheWorkflow(string trigger)
    {
        var json = WorkflowJson.Flowchart(
            [A.Timer("timer", "01:00:00").CanStart(), A.Cron("cron", "0 0 9 * * MON").CanStart(), A.WriteLine("t", "timer fired"), A.WriteLine("c", "cron fired")],
            [A.Connect("timer", "t"), A.Connect("cron", "c")]);

        var run = await WorkflowHarness.RunAsync(json, new StartWorkflowRequest { TriggerNodeId = $"flow:{trigger}" });

        Assert.Equal([$"{trigger} fired"], run.Lines);
        Assert.Empty(run.State.Bookmarks);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task Event_CreatesBookmarkKeyedByName_AndSetsResultFromResumeInput()
    {
        var run = await new WorkflowHarness(WorkflowJson.Flowchart(
                [A.Start(), A.Event("ev", "case-approved", "Payload"), A.WriteLine("w", E.Js("getPayload().by", "String"))],
                A.Chain("start", "ev", "w"), [new Var("Payload")]))
            .StartAsync(new StartWorkflowRequest { CorrelationId = "case-7" });

        var bookmark = Assert.Single(run.State.Bookmarks);
        Assert.Equal("Elsa.Event", bookmark.Name);
        Assert.Equal("case-approved", bookmark.Key);
        Assert.Equal("case-7", bookmark.CorrelationId);
        Assert.Null(bookmark.ResumeAtUtc);

        await run.ResumeAsync(new JsonObject { ["by"] = "王主任" });

        Assert.Equal(["王主任"], run.Lines);
        Assert.Equal("王主任", run.Variable("Payload")!["by"]!.GetValue<string>());
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task Event_CompletesAtOnceWithTriggerInput_WhenItStartedTheWorkflow()
    {
        var run = await WorkflowHarness.RunAsync(
            WorkflowJson.Flowchart(
                [A.Start(), A.WriteLine("manual", "manual start"), A.Event("ev", "referral", "Payload").CanStart(), A.WriteLine("w", E.Js("'referred ' + getPayload().name", "String"))],
                [A.Connect("start", "manual"), A.Connect("ev", "w")], [new Var("Payload")]),
            new StartWorkflowRequest { TriggerNodeId = "flow:ev", TriggerInput = new JsonObject { ["name"] = "小明" } });

        Assert.Equal(["referred 小明"], run.Lines);
        Assert.Empty(run.State.Bookmarks);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task Event_CreatesBookmark_WhenWorkflowStartedWithoutTrigger()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Event("ev", "referral").CanStart(), A.WriteLine("w", "after")], A.Chain("ev", "w")));

        Assert.Equal("referral", Assert.Single(run.State.Bookmarks).Key);
        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
    }

    [Fact]
    public async Task Resume_StampsJournalWithFakeClock()
    {
        var run = await WorkflowHarness.RunAsync(Waiting(A.Delay("wait", "00:05:00")));
        run.Time.Advance(TimeSpan.FromMinutes(5));

        await run.ResumeAsync();

        var resumed = Assert.Single(run.Journal, j => j.EventName == JournalEvents.Resumed);
        Assert.Equal(Epoch.AddMinutes(5), resumed.TimestampUtc);
    }
}
