using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Statistics;
using Bishan.Workflow.Cases.Statistics.GetOverview;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Cases;

/// <summary>
/// The overview is kept per scope while the cases and tasks stay as they are (issue 15): every write to a case or a task
/// (a save of its own, or a save inside a transaction once that commits) moves the stored <see cref="DataStamp"/> on, and
/// the next overview counts again; a rolled-back write moves nothing. The overdue count follows the clock with no write at
/// all, when an open task's due time passes.
/// </summary>
public sealed class OverviewKeptFacts
{
    private sealed record User(string? UserId, string? OrgUnitId, IReadOnlyCollection<string> Roles) : ICurrentUser
    {
        public string? UserName => UserId;
        public string? IpAddress => null;
    }

    [Fact]
    public async Task Overview_FollowsEveryCommittedWrite_AndTheClock_ButNotARollback()
    {
        await using var host = await CasesHost.StartAsync();
        var leader = new User("leader-1", "district", [Roles.Leader]);
        var kept = host.Services.GetRequiredService<StampedCache>();
        var tree = host.Services.GetRequiredService<OrgTree>();
        Task<RegisterFigures> OverviewAsync() => host.QueryAsync(async db =>
            await new GetOverviewHandler(db, leader, tree, host.Time, kept, new RequestStamps()).Handle(new GetOverview(), CancellationToken.None));
        Task<long> VersionAsync() => host.QueryAsync(db => StampedCache.VersionAsync(db, CancellationToken.None));

        var start = await OverviewAsync();
        Assert.Equal(start, await OverviewAsync());

        // A task due in an hour: open, not yet overdue (a save of its own).
        var now = host.Time.GetUtcNow().UtcDateTime;
        var taskId = Guid.NewGuid().ToString("N");
        var v0 = await VersionAsync();
        await host.ExecuteAsync(db =>
        {
            db.WorkTasks.Add(new WorkTask
            {
                Id = taskId, Kind = WorkTaskKinds.Task, Title = "跟进帮扶", AssigneeRule = "user", AssigneeUserId = "someone",
                OrgUnitId = "school-bishan-middle", Status = WorkTaskStatus.Open, CreatedAtUtc = now, DueAtUtc = now.AddHours(1),
            });
            return Task.CompletedTask;
        });
        Assert.True(await VersionAsync() > v0);
        Assert.Equal(start.OverdueTasks, (await OverviewAsync()).OverdueTasks);

        // Two hours later, with no write: overdue.
        host.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(start.OverdueTasks + 1, (await OverviewAsync()).OverdueTasks);

        // A case registered (a save of its own) counts at once.
        await host.ExecuteAsync(db =>
        {
            var at = host.Time.GetUtcNow().UtcDateTime;
            db.Cases.Add(new Case
            {
                Id = Guid.NewGuid().ToString("N"), FileNumber = "BS-2026-9901", Name = "李小红", Gender = Gender.Female,
                DateOfBirth = new DateOnly(2011, 4, 5), OrgUnitId = "school-bishan-middle",
                AreaId = OrgUnitSeed.Tree.AreaOf("school-bishan-middle")!, Status = CaseStatus.Registered, RegistrationCount = 1,
                PrimaryAction = FiveAction.DropoutPrevention, Tier = Tier.Light, CreatedAtUtc = at, UpdatedAtUtc = at,
            });
            return Task.CompletedTask;
        });
        var registered = await OverviewAsync();
        Assert.Equal(start.RegisteredTotal + 1, registered.RegisteredTotal);
        Assert.Equal(start.InRegister + 1, registered.InRegister);

        // Completing the task inside a transaction that is rolled back changes nothing, not even the version.
        var v1 = await VersionAsync();
        await host.QueryAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            (await db.WorkTasks.SingleAsync(t => t.Id == taskId)).Status = WorkTaskStatus.Completed;
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
            return 0;
        });
        Assert.Equal(v1, await VersionAsync());
        Assert.Equal(start.OverdueTasks + 1, (await OverviewAsync()).OverdueTasks);

        // The same inside a transaction that commits: no longer overdue.
        await host.QueryAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            (await db.WorkTasks.SingleAsync(t => t.Id == taskId)).Status = WorkTaskStatus.Completed;
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return 0;
        });
        Assert.True(await VersionAsync() > v1);
        Assert.Equal(start.OverdueTasks, (await OverviewAsync()).OverdueTasks);
    }
}
