using Bishan.Workflow.Cases;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.DemoData;
using Bishan.Workflow.Cases.FamilyEducation;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Statistics.GetFamilyEducationFigures;
using Bishan.Workflow.Cases.Statistics.GetGuardianshipFigures;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Infrastructure.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Cases;

/// <summary>
/// The demo has family-education and guardianship-consultation work, so the guidance centre's and 区民政局's pages and figures
/// do not start at zero (issue 10): past referrals with sessions and evaluations in every sub-centre, parents who came home to a
/// register job, and live work in the guidance workers' and 区民政局's inboxes, made through the real use cases.
/// </summary>
public sealed class DemoFamilyWorkFacts
{
    [Fact]
    public async Task Load_GivesEverySubCentreReferralsAndTheDepartmentConsultations_WithLiveWork_Once()
    {
        await using var host = await CasesHost.StartAsync("case-intake", "tiered-escalation", "subsidy-approval", "family-education-referral",
            "guardianship-consultation");
        var loaded = await host.QueryAsync(db => new DemoRegisterLoader(host.Time, OrgUnitSeed.Tree).LoadAsync(db, CancellationToken.None));
        await host.QueryAsync(db => DemoWorkflows.StartAsync(host.Runtime, db, loaded, CancellationToken.None));
        await host.ExecuteAsync(db => DemoEmployers.LoadAsync(db, host.Time, CancellationToken.None));

        await LoadFamilyWorkAsync(host);

        var education = await host.QueryAsync(db => GetFamilyEducationFiguresHandler.ComputeAsync(db, OrgUnitSeed.Tree, CancellationToken.None));
        Assert.InRange(education.Total.Referrals, 15, 30);
        Assert.All(education.BySubCentre, s => Assert.True(s.Referrals > 0 && s.Sessions > 0, $"{s.Name} has no work"));
        Assert.True(education.Total.Declined > 0);
        Assert.True(education.Total.Evaluated >= 10);
        Assert.InRange(education.Total.Improved * 100 / education.Total.Evaluated, 50, 95);
        Assert.InRange(education.Total.AttendanceRate!.Value, 50m, 95m);

        // Live: referrals waiting for a sub-centre's decision (a group task of its guidance workers), one accepted with a plan
        // and its workflow waiting for the evaluation.
        var referrals = await host.QueryAsync(db => db.FamilyEducationReferrals.AsNoTracking().ToListAsync());
        var waiting = referrals.Where(r => r.Status == FamilyEducationStatus.Referred).ToList();
        Assert.NotEmpty(waiting);
        foreach (var referral in waiting)
        {
            var task = await host.QueryAsync(db => db.WorkTasks.AsNoTracking()
                .SingleAsync(t => t.InstanceId == referral.WorkflowInstanceId && t.Status == WorkTaskStatus.Open));
            Assert.Equal($"{Roles.GuidanceWorker}@{referral.SubCentreId}", task.CandidateGroup);
        }
        var accepted = Assert.Single(referrals, r => r.Status == FamilyEducationStatus.Accepted);
        Assert.NotNull(accepted.PlanKinds);
        Assert.NotNull(accepted.WorkflowInstanceId);
        Assert.Contains(await host.TimelineAsync(accepted.CaseId), e => e.Text.Contains("已接收转介", StringComparison.Ordinal));
        // Every session is dated within its referral's guidance, none in the future.
        var sessions = await host.QueryAsync(db => db.FamilyEducationSessions.AsNoTracking().ToListAsync());
        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime.AddHours(8));
        Assert.All(sessions, s => Assert.InRange(s.SessionDate, referrals.Single(r => r.Id == s.ReferralId).ReferredOn, today));

        var guardianship = await host.QueryAsync(db => GetGuardianshipFiguresHandler.ComputeAsync(db, CancellationToken.None));
        Assert.True(guardianship.ParentsReturned >= 3);
        Assert.True(guardianship.JobsFound >= 2);
        Assert.True(guardianship.NotPossibleNow >= 1);
        Assert.True(guardianship.Open >= 1);
        // A parent who came home lives in Bishan with the child now, and the family's history says so.
        var returned = await host.QueryAsync(db => db.GuardianshipConsultations.AsNoTracking()
            .FirstAsync(c => c.Outcome == GuardianshipOutcome.ReturnedWithJob));
        var parent = await host.QueryAsync(db => db.FamilyMembers.AsNoTracking().SingleAsync(m => m.Id == returned.ParentMemberId));
        Assert.Equal((FamilyResidence.InBishan, true), (parent.Residence, parent.LivesWithMinor));
        Assert.NotNull(parent.Employer);
        Assert.True(await host.QueryAsync(db => db.FamilyChanges.AnyAsync(c => c.CaseId == returned.CaseId && c.Changes.Contains("回乡"))));
        // The live proposal waits in 区民政局's group inbox.
        var open = await host.QueryAsync(db => db.GuardianshipConsultations.AsNoTracking()
            .FirstAsync(c => c.Status != GuardianshipConsultationStatus.Closed && c.Status != GuardianshipConsultationStatus.AwaitingFollowUp));
        var inbox = await host.QueryAsync(db => db.WorkTasks.AsNoTracking().SingleAsync(t => t.InstanceId == open.InstanceId && t.Status == WorkTaskStatus.Open));
        Assert.Equal($"{Roles.Supervisor}@{OrgUnitIds.CivilAffairsBureau}", inbox.CandidateGroup);

        // A second load adds nothing.
        var counts = (referrals.Count, sessions.Count, await host.QueryAsync(db => db.GuardianshipConsultations.CountAsync()));
        await LoadFamilyWorkAsync(host);
        Assert.Equal(counts, (await host.QueryAsync(db => db.FamilyEducationReferrals.CountAsync()),
            await host.QueryAsync(db => db.FamilyEducationSessions.CountAsync()), await host.QueryAsync(db => db.GuardianshipConsultations.CountAsync())));
    }

    /// <summary>As the demo seeder does: each live step a use case in a scope of its own and that scope's unit of work.</summary>
    private static async Task LoadFamilyWorkAsync(CasesHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ICasesDbContext>();
        async Task InUnitOfWork(Func<DemoStep, CancellationToken, Task> work, CancellationToken ct)
        {
            await using var stepScope = host.Services.CreateAsyncScope();
            var services = stepScope.ServiceProvider;
            var step = new DemoStep(services.GetRequiredService<ICasesDbContext>(), ActivatorUtilities.CreateInstance<CaseWorkflows>(services),
                services.GetRequiredService<Bishan.Workflow.Engine.Runtime.IWorkflowRuntime>());
            await services.GetRequiredService<UnitOfWork>().RunAsync(async c =>
            {
                await work(step, c);
                return true;
            }, ct);
        }
        await DemoFamilyEducation.LoadAsync(db, new FamilyEducationOptions(), host.Time, OrgUnitSeed.Tree, InUnitOfWork, CancellationToken.None);
        await DemoConsultations.LoadAsync(db, host.Time, OrgUnitSeed.Tree, InUnitOfWork, CancellationToken.None);
    }
}
