using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Scheduling;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Bishan.Workflow.IntegrationTests.Infrastructure.SampleFiles;
using static Bishan.Workflow.IntegrationTests.Infrastructure.TestWorkflows;

namespace Bishan.Workflow.IntegrationTests.Scheduling;

/// <summary>Against the app's real Hangfire server and SQLite storage; waits are bounded polls, never fixed sleeps.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class HangfireSchedulingFacts(BishanWebFactory factory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private JobStorage Storage => factory.Services.GetRequiredService<JobStorage>();

    [Fact]
    public async Task Delay_ResumesWithinFiveSecondsOfItsDueTime()
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("delay");
        await client.ImportOkAsync(Sequence(id, [Start(), Activity("delay1", "Elsa.Delay", ("timeSpan", "00:00:02")), WriteLine("write1", "after delay")]));
        var instanceId = (await client.ExecuteAsync(id))["instanceId"]!.GetValue<string>();
        var suspended = await client.GetInstanceAsync(instanceId);
        Assert.Equal("Suspended", suspended["subStatus"]!.GetValue<string>());
        var due = Assert.Single(suspended["bookmarks"]!.AsArray())!["resumeAtUtc"]!.GetValue<DateTime>();

        var finished = await ApiClient.WaitForAsync(() => client.GetInstanceAsync(instanceId),
            i => i["subStatus"]!.GetValue<string>() == "Finished", Patience);

        Assert.Equal("Finished", finished["subStatus"]!.GetValue<string>());
        var written = (await client.GetJournalAsync(instanceId))
            .Single(e => e!["message"]?.GetValue<string>() == "after delay")!["timestampUtc"]!.GetValue<DateTime>();
        // Never before it is due (Hangfire keeps whole seconds: the job is scheduled at the next one), at most 5 s after.
        Assert.InRange((written - due).TotalSeconds, 0, 5);
    }

    [Theory]
    [InlineData("2026-11-28T10:00:02.0000000Z", "2026-11-28T10:00:02.0000000Z")]
    [InlineData("2026-11-28T10:00:02.0000001Z", "2026-11-28T10:00:03.0000000Z")]
    [InlineData("2026-11-28T10:00:02.9990000Z", "2026-11-28T10:00:03.0000000Z")]
    [InlineData("2026-11-28T23:59:59.5000000Z", "2026-11-29T00:00:00.0000000Z")]
    public void TimerJobs_AreScheduledAtTheNextWholeSecond_SoHangfireNeverFiresThemEarly(string due, string scheduled)
    {
        var at = HangfireWorkflowScheduler.WholeSecondNotBefore(DateTime.Parse(due, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.Equal(DateTime.Parse(scheduled, null, System.Globalization.DateTimeStyles.AdjustToUniversal), at);
        Assert.Equal(DateTimeKind.Utc, at.Kind);
    }

    [Fact]
    public async Task CronTrigger_BecomesRecurringJobInShanghaiTime_AndRetractRemovesIt()
    {
        var client = await factory.CreateAdminClientAsync();
        var imported = await (await client.ImportAsync(SampleBytes("ImportAndPublish/cron-every-hour.json"))).ReadOkAsync();
        var definitionId = imported["definitionId"]!.GetValue<string>();

        var job = Assert.Single(RecurringJobsOf(definitionId));
        Assert.StartsWith($"workflow-trigger:{definitionId}:", job.Id);
        Assert.EndsWith("13658e4b3bfafaaf", job.Id);
        Assert.Equal("0 0 * * * *", job.Cron);
        Assert.Equal("Asia/Shanghai", job.TimeZoneId);
        Assert.Null(job.Error);

        // Publishing again replaces the job under the same id instead of adding one.
        await (await client.ImportAsync(SampleBytes("ImportAndPublish/cron-every-hour.json"))).ReadOkAsync();
        Assert.Equal(job.Id, Assert.Single(RecurringJobsOf(definitionId)).Id);

        await (await client.PostAsync($"/api/workflow-definitions/{definitionId}/retract", null)).ReadOkAsync();
        Assert.Empty(RecurringJobsOf(definitionId));
    }

    [Fact]
    public async Task CronTrigger_WithSecondsField_StartsInstances()
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("cron2s");
        await client.ImportOkAsync(Sequence(id, [Trigger(Activity("cron1", "Elsa.Cron", ("cronExpression", "*/2 * * * * *"))), WriteLine("write1", "tick")]));
        try
        {
            Assert.Equal("*/2 * * * * *", Assert.Single(RecurringJobsOf(id)).Cron);

            var instances = await ApiClient.WaitForAsync(() => client.ListInstancesAsync(id), list => list.Count > 0, Patience);

            var first = Assert.IsType<JsonObject>(instances.First());
            var instanceId = first["id"]!.GetValue<string>();
            await ApiClient.WaitForAsync(() => client.GetInstanceAsync(instanceId), i => i["subStatus"]!.GetValue<string>() == "Finished", Patience);
            Assert.Equal(["tick"], await client.JournalMessagesAsync(instanceId));
        }
        finally
        {
            await client.PostAsync($"/api/workflow-definitions/{id}/retract", null);
        }
        Assert.Empty(RecurringJobsOf(id));
    }

    [Fact]
    public async Task TimerTrigger_WithMinuteInterval_BecomesRecurringJob()
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("timer");
        await client.ImportOkAsync(Sequence(id, [Trigger(Activity("timer1", "Elsa.Timer", ("interval", "00:05:00"))), WriteLine("write1", "timer")]));

        var job = Assert.Single(RecurringJobsOf(id));
        Assert.Equal("0 */5 * * * *", job.Cron);
        Assert.Equal("Asia/Shanghai", job.TimeZoneId);

        await (await client.PostAsync($"/api/workflow-definitions/{id}/retract", null)).ReadOkAsync();
        Assert.Empty(RecurringJobsOf(id));
    }

    [Fact]
    public async Task TimerTrigger_WithoutCronForm_FiresAndReschedulesItself_UntilRetracted()
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("timer7s");
        await client.ImportOkAsync(Sequence(id, [Trigger(Activity("timer1", "Elsa.Timer", ("interval", "00:00:07"))), WriteLine("write1", "every 7 s")]));
        try
        {
            Assert.Empty(RecurringJobsOf(id));
            var firstJob = Assert.Single(DelayedTriggerJobs(id));

            var instances = await ApiClient.WaitForAsync(() => client.ListInstancesAsync(id), list => list.Count > 0, Patience);
            Assert.NotEmpty(instances);
            var next = await ApiClient.WaitForAsync(() => Task.FromResult(DelayedTriggerJobs(id)), jobs => jobs.Count == 1 && jobs[0] != firstJob, Patience);
            Assert.NotEqual(firstJob, Assert.Single(next));
        }
        finally
        {
            await client.PostAsync($"/api/workflow-definitions/{id}/retract", null);
        }
        Assert.Empty(DelayedTriggerJobs(id));
    }

    [Fact]
    public async Task StartAtTrigger_StartsOneInstanceAtTheMoment()
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("startat");
        var at = DateTimeOffset.UtcNow.AddSeconds(2).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        await client.ImportOkAsync(Sequence(id, [Trigger(Activity("at1", "Elsa.StartAt", ("dateTime", at))), WriteLine("write1", "at the moment")]));

        var instances = await ApiClient.WaitForAsync(() => client.ListInstancesAsync(id), list => list.Count > 0, Patience);

        Assert.Single(instances);
        await client.PostAsync($"/api/workflow-definitions/{id}/retract", null);
    }

    [Fact]
    public async Task Reconcile_SchedulesExactlyOneJob_ForATimerBookmarkThatLostIt()
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("reconcile");
        await client.ImportOkAsync(Sequence(id, [Start(), Activity("delay1", "Elsa.Delay", ("timeSpan", "00:10:00")), End()]));
        var instanceId = (await client.ExecuteAsync(id))["instanceId"]!.GetValue<string>();
        var bookmarkId = Assert.Single((await client.GetInstanceAsync(instanceId))["bookmarks"]!.AsArray())!["id"]!.GetValue<string>();
        Assert.Equal(1, ScheduledResumeJobs(bookmarkId));

        // As if the Hangfire file had been lost: the bookmark is stored but no job delivers it.
        factory.Services.GetRequiredService<IWorkflowScheduler>().UnscheduleBookmark(bookmarkId);
        Assert.Equal(0, ScheduledResumeJobs(bookmarkId));

        var reconciler = factory.Services.GetRequiredService<ScheduleReconciler>();
        await reconciler.ReconcileAsync();
        await reconciler.ReconcileAsync();

        Assert.Equal(1, ScheduledResumeJobs(bookmarkId));
        await client.PostAsync($"/api/workflow-instances/{instanceId}/cancel", null);
    }

    private List<RecurringJobDto> RecurringJobsOf(string definitionId)
    {
        using var connection = JobStorage.Current.GetConnection();
        Assert.Same(Storage, JobStorage.Current);
        return [.. connection.GetRecurringJobs().Where(j => j.Id.StartsWith($"workflow-trigger:{definitionId}:", StringComparison.Ordinal))];
    }

    /// <summary>Job ids of the definition's delayed (non-recurring) triggers that are still scheduled.</summary>
    private List<string> DelayedTriggerJobs(string definitionId)
    {
        using var connection = Storage.GetConnection();
        var entries = connection.GetAllEntriesFromHash($"workflow-trigger-jobs:{definitionId}") ?? [];
        return [.. entries.Values.Select(v => v.Split('|')[0]).Where(job => connection.GetStateData(job)?.Name == "Scheduled")];
    }

    private int ScheduledResumeJobs(string bookmarkId) =>
        Storage.GetMonitoringApi().ScheduledJobs(0, 10_000)
            .Count(j => j.Value.Job?.Method.Name == "ResumeBookmarkAsync" && Equals(j.Value.Job.Args[0], bookmarkId));
}
