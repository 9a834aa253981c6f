using System.Globalization;
using System.Text.RegularExpressions;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.DemoData;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Statistics;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Maintenance;
using Bishan.Workflow.IntegrationTests.Cases;
using Bishan.Workflow.IntegrationTests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Retention;

/// <summary>
/// Data retention on the demo register and a fake clock (issue 13 §4): years pass, the dry run lists what the run then
/// does, expired files lose their personal data while the statistics stay equal, a re-entered minor keeps everything,
/// ended instances go with their journals while a faulted one waiting for an administrator stays, and the audit log
/// keeps its entries (only those past the audit period go) plus one entry for the run.
/// </summary>
public sealed partial class RetentionFacts
{
    [Fact]
    public async Task Run_AfterThePeriod_AnonymisesExpiredFiles_KeepsStatisticsAndReenteredCase_PrunesEndedInstances()
    {
        await using var host = await CasesHost.StartAsync("case-intake", "tiered-escalation", "subsidy-approval");
        var ct = CancellationToken.None;
        var loaded = await host.QueryAsync(db => new DemoRegisterLoader(host.Time, OrgUnitSeed.Tree).LoadAsync(db, ct));
        await host.QueryAsync(db => DemoWorkflows.StartAsync(host.Runtime, db, loaded, ct));
        var start = host.Time.GetUtcNow().UtcDateTime;

        // A minor who relapsed: re-entry puts the file back into screening and clears the exit (CaseEffects).
        var reentered = await host.QueryAsync(db => db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Exited).OrderBy(c => c.FileNumber).FirstAsync());
        await host.ExecuteAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == reentered.Id);
            (c.Status, c.ExitedAtUtc) = (CaseStatus.Screening, null);
        });

        // Records that repeat an exited minor's full name, as notifications and agenda notes do.
        var named = await host.QueryAsync(db => db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Exited && c.Id != reentered.Id).OrderBy(c => c.FileNumber).FirstAsync());
        await host.ExecuteAsync(db =>
        {
            db.Notifications.Add(new Notification { UserId = host.Users["caseworker"], Title = "新任务", Message = $"{named.FileNumber} {named.Name}：出库跟踪回访", CaseId = named.Id, CreatedAtUtc = start });
            db.TimelineEntries.Add(new TimelineEntry { CaseId = named.Id, AtUtc = start, Kind = TimelineKind.Note, Text = $"与{named.Name}的家长电话联系。" });
            db.AuditEntries.Add(new AuditEntry { UserName = "caseworker", Action = AuditActions.CaseRead, EntityType = nameof(Case), EntityId = named.Id, AtUtc = start });
            db.AuditEntries.Add(new AuditEntry { UserName = "caseworker", Action = AuditActions.CaseRead, EntityType = nameof(Case), EntityId = named.Id, AtUtc = start.AddYears(-2) });
            return Task.CompletedTask;
        });

        // Ended instances: three finished, one cancelled while it waited; one faulted, left for an administrator's retry.
        await ImportAsync(host, TestWorkflows.Flowchart("retention-done", [TestWorkflows.WriteLine("w1", "做完了")]));
        await ImportAsync(host, TestWorkflows.WaitForEvent("retention-wait", "retention-never"));
        await ImportAsync(host, TestWorkflows.Flowchart("retention-fault",
            [TestWorkflows.WriteLine("w1", "before"), TestWorkflows.Activity("f1", "Elsa.Fault", ("message", "故障"))], ("w1", "f1", "Done")));
        var done = new List<string>();
        for (var i = 0; i < 3; i++) done.Add((await host.Runtime.StartAsync("retention-done", null, null)).Id);
        var cancelled = (await host.Runtime.StartAsync("retention-wait", null, null)).Id;
        await host.Runtime.CancelAsync(cancelled);
        var faulted = (await host.Runtime.StartAsync("retention-fault", null, null)).Id;
        Assert.Equal(WorkflowSubStatus.Cancelled, (await host.Instances.GetAsync(cancelled))!.SubStatus);
        Assert.Equal(WorkflowSubStatus.Faulted, (await host.Instances.GetAsync(faulted))!.SubStatus);
        foreach (var id in done) Assert.Equal(WorkflowSubStatus.Finished, (await host.Instances.GetAsync(id))!.SubStatus);
        foreach (var id in done) Assert.NotEmpty(await host.Instances.GetJournalAsync(id));

        var retention = host.Services.GetRequiredService<RetentionService>();
        var admin = new TestAdmin(host.Users["admin"]);

        // Four years on: every 2023 exit is past the three-year period, the instances past a year, the audit entry of
        // six years ago past the five-year audit period.
        host.Time.SetUtcNow(host.Time.GetUtcNow().AddYears(4));
        var now = host.Time.GetUtcNow().UtcDateTime;
        var cutoff = now.AddYears(-3);
        var before = await host.QueryAsync(db => db.Cases.AsNoTracking().ToListAsync());
        var expected = before.Where(c => c.Status is CaseStatus.Exited or CaseStatus.FollowUp && c.ExitedAtUtc < cutoff
                                         || c.Status == CaseStatus.Closed && (c.ClosedAtUtc ?? c.ExitedAtUtc) < cutoff)
            .Select(c => c.Id).ToHashSet();
        Assert.True(expected.Count >= 200, $"{expected.Count} expired files");
        Assert.DoesNotContain(reentered.Id, expected);
        Assert.Contains(named.Id, expected);
        var figuresBefore = await FiguresAsync(host, now);

        var preview = await retention.PreviewAsync(admin, ct);

        Assert.Equal(expected.Count, preview.CasesToAnonymise);
        Assert.Equal(expected.Count, preview.FileNumbers.Count);
        Assert.All(preview.FileNumbers, n => Assert.Matches(MaskedFileNumber(), n));
        Assert.Equal(before.Where(c => expected.Contains(c.Id)).Select(c => Mask(c.FileNumber)).Order(StringComparer.Ordinal), preview.FileNumbers.Order(StringComparer.Ordinal));
        Assert.True(preview.InstancesToPrune >= 4, $"{preview.InstancesToPrune} instances to prune");
        Assert.Equal(1, preview.AuditEntriesToDelete);
        // The dry run changed nothing.
        Assert.Equal(named.Name, (await host.CaseAsync(named.Id)).Name);
        Assert.Equal(before.Count(c => c.AnonymisedAtUtc is null), await host.QueryAsync(db => db.Cases.CountAsync(c => c.AnonymisedAtUtc == null)));

        // The journal entries of the instances the run will prune, as the instance view lists them (one stored row holds a
        // pass's entries; the run reports entries).
        var prunable = await host.QueryAsync(db => db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Status == WorkflowStatus.Finished && (i.SubStatus == WorkflowSubStatus.Finished || i.SubStatus == WorkflowSubStatus.Cancelled))
            .Select(i => i.Id).ToListAsync());
        Assert.Equal(preview.InstancesToPrune, prunable.Count);
        var prunableEntries = 0;
        foreach (var id in prunable) prunableEntries += (await host.Instances.GetJournalAsync(id)).Count;

        var result = await host.Services.GetRequiredService<RetentionService>().RunAsync(Bishan.Workflow.Infrastructure.Maintenance.SystemActor.Instance, ct);

        Assert.Equal((expected.Count, preview.InstancesToPrune, 1), (result.CasesAnonymised, result.InstancesPruned, result.AuditEntriesDeleted));
        Assert.Equal(prunableEntries, result.JournalEntriesPruned);
        var after = await host.QueryAsync(db => db.Cases.AsNoTracking().ToDictionaryAsync(c => c.Id));
        foreach (var old in before)
        {
            var now1 = after[old.Id];
            if (expected.Contains(old.Id))
            {
                Assert.Equal(old.Name[..1] + "某", now1.Name);
                Assert.Null(now1.IdNumber);
                Assert.Equal(new DateOnly(old.DateOfBirth.Year, 1, 1), now1.DateOfBirth);
                Assert.Equal(now, now1.AnonymisedAtUtc);
                Assert.Equal((old.Status, old.PrimaryAction, old.Tier, old.AreaId, old.RegisteredAtUtc, old.ExitedAtUtc, old.RegistrationCount),
                    (now1.Status, now1.PrimaryAction, now1.Tier, now1.AreaId, now1.RegisteredAtUtc, now1.ExitedAtUtc, now1.RegistrationCount));
            }
            else
            {
                Assert.Equal((old.Name, old.IdNumber, old.DateOfBirth), (now1.Name, now1.IdNumber, now1.DateOfBirth));
                Assert.Null(now1.AnonymisedAtUtc);
            }
        }
        Assert.NotNull(after[reentered.Id].IdNumber);
        Assert.Equal(reentered.Name, after[reentered.Id].Name);

        // The statistics overview is the same before and after.
        Assert.Equal(figuresBefore, await FiguresAsync(host, now));

        // The full name is gone from the records; the records stay, the timeline says what happened.
        var reduced = named.Name[..1] + "某";
        var notification = await host.QueryAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.CaseId == named.Id && n.Title == "新任务"));
        Assert.Equal($"{named.FileNumber} {reduced}：出库跟踪回访", notification.Message);
        var timeline = await host.TimelineAsync(named.Id);
        Assert.Contains(timeline, t => t.Text == $"与{reduced}的家长电话联系。");
        Assert.DoesNotContain(timeline, t => t.Text.Contains(named.Name, StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Kind == TimelineKind.Note && t.Text.StartsWith("已超过保存期限", StringComparison.Ordinal));

        // Ended instances are gone with their journals; the faulted one waiting for a retry and the running ones stay.
        var remaining = await host.QueryAsync(db => db.WorkflowInstances.AsNoTracking().Select(i => new { i.Id, i.Status, i.SubStatus }).ToListAsync());
        Assert.DoesNotContain(remaining, i => done.Contains(i.Id) || i.Id == cancelled);
        Assert.Contains(remaining, i => i.Id == faulted);
        Assert.DoesNotContain(remaining, i => i.SubStatus is WorkflowSubStatus.Finished or WorkflowSubStatus.Cancelled);
        Assert.Equal(WorkflowSubStatus.Faulted, remaining.Single(i => i.Id == faulted).SubStatus);
        Assert.Contains(remaining, i => i.Status == WorkflowStatus.Running);
        Assert.Equal(0, await host.QueryAsync(db => db.WorkflowJournal.CountAsync(j => done.Contains(j.InstanceId) || j.InstanceId == cancelled)));
        Assert.Contains(await host.Instances.GetJournalAsync(faulted), e => e.EventName == JournalEvents.Faulted);

        // Audit: the read of four years ago stays, the one of six years ago is past the period, the run is recorded.
        var audit = await host.QueryAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditActions.CaseRead && a.EntityId == named.Id && a.AtUtc == start);
        Assert.DoesNotContain(audit, a => a.AtUtc < now.AddYears(-5));
        var run = Assert.Single(audit, a => a.Action == AuditActions.RetentionRun);
        Assert.Equal(("system", now), (run.UserName, run.AtUtc));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"\"casesAnonymised\":{expected.Count}"), run.Detail);

        // A second run finds nothing left to do; the dry run says so and shows the last run.
        var again = await retention.PreviewAsync(admin, ct);
        Assert.Equal((0, 0, 0), (again.CasesToAnonymise, again.InstancesToPrune, again.AuditEntriesToDelete));
        Assert.Equal(expected.Count, again.LastRun?.CasesAnonymised);
    }

    [Fact]
    public async Task Preview_And_Run_AreRefused_ForAnyoneButAnAdministrator()
    {
        await using var host = await CasesHost.StartAsync();
        var retention = host.Services.GetRequiredService<RetentionService>();
        var caseworker = new TestAdmin(host.Users["caseworker"], Roles.Caseworker);

        await Assert.ThrowsAsync<Bishan.Workflow.Cases.Common.ForbiddenException>(() => retention.PreviewAsync(caseworker, CancellationToken.None));
        await Assert.ThrowsAsync<Bishan.Workflow.Cases.Common.ForbiddenException>(() => retention.RunAsync(caseworker, CancellationToken.None));
        Assert.Equal(0, await host.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.RetentionRun)));
    }

    private static async Task ImportAsync(CasesHost host, string json)
    {
        var result = await host.Services.GetRequiredService<IWorkflowDefinitionService>().ImportAsync(json, publish: true, "test");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>The figures as one comparable text (the dictionaries sorted), so "equal" means every number is equal.</summary>
    private static Task<string> FiguresAsync(CasesHost host, DateTime now) => host.QueryAsync(async db =>
    {
        var f = await RegisterFigures.ComputeAsync(db.Cases, db.WorkTasks, now, CancellationToken.None);
        static string Sorted<TKey>(IReadOnlyDictionary<TKey, int> d) where TKey : notnull =>
            string.Join(",", d.Select(kv => $"{kv.Key}={kv.Value}").Order(StringComparer.Ordinal));
        return $"{f.RegisteredTotal}|{f.ExitedTotal}|{f.InRegister}|{Sorted(f.ByAction)}|{Sorted(f.ByTier)}|{Sorted(f.ByArea)}|{f.OverdueTasks}|{f.PendingApprovals}";
    });

    private static string Mask(string fileNumber) => fileNumber[..^4] + "**" + fileNumber[^2..];

    [GeneratedRegex(@"^BS-\d{4}-\*\*\d{2}$")]
    private static partial Regex MaskedFileNumber();

    private sealed class TestAdmin(string userId, string role = Roles.Administrator) : Bishan.Workflow.Cases.Access.ICurrentUser
    {
        public string? UserId => userId;
        public string? UserName => role == Bishan.Workflow.Cases.Vocabulary.Roles.Administrator ? "admin" : "caseworker";
        IReadOnlyCollection<string> Bishan.Workflow.Cases.Access.ICurrentUser.Roles => [role];
        public string? OrgUnitId => null;
        public string? IpAddress => "127.0.0.1";
    }
}
