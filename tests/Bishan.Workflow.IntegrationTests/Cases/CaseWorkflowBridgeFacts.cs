using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.IntegrationTests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Cases;

/// <summary>
/// The shipped case workflows on the stored runtime with the bridge: tasks become rows assigned by the case's rules,
/// approvals route to the right tier's supervisor, and the gates hold even against a hand-written workflow (issue 3).
/// </summary>
public sealed class CaseWorkflowBridgeFacts
{
    private static JsonObject Proposal(string action, string tier) => new()
    {
        ["proposedAction"] = action,
        ["proposedTier"] = tier,
        ["screeningReason"] = "经心理老师初评需干预。",
    };

    [Fact]
    public async Task StartIntake_CreatesScreeningTaskForTheCaseworker_WhenReferred()
    {
        await using var host = await CasesHost.StartAsync("case-intake");
        var @case = await host.CreateCaseAsync();

        await host.StartIntakeAsync(@case);

        var task = Assert.Single(await host.OpenTasksAsync(@case.Id));
        Assert.Equal((WorkTaskKinds.Task, "个案筛查", "case.caseworker"), (task.Kind, task.Title, task.AssigneeRule));
        Assert.Equal(host.Users["caseworker"], task.AssigneeUserId);
        Assert.Equal(task.Id, task.BookmarkId);
        Assert.Equal("school-bishan-middle", task.OrgUnitId);
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime.AddDays(7), task.DueAtUtc);
        Assert.Contains("proposedAction", task.FormJson);
        Assert.Equal(CaseStatus.Screening, (await host.CaseAsync(@case.Id)).Status);
        var timeline = await host.TimelineAsync(@case.Id);
        Assert.Equal([TimelineKind.StatusChanged, TimelineKind.TaskCreated], timeline.Select(t => t.Kind));
        Assert.Contains("筛查中", timeline[0].Text);
        var notices = await host.QueryAsync(db => db.Notifications.Where(n => n.UserId == host.Users["caseworker"]).ToListAsync());
        Assert.Contains(notices, n => n.TaskId == task.Id && n.Title.Contains("个案筛查"));
    }

    [Theory]
    [InlineData("school-bishan-middle", "caseworker", "MentalHealth", "Light", "supervisor-bicheng", OrgUnitIds.BichengArea)]
    [InlineData("community-qinggang", "caseworker2", "Unsupervised", "Light", "supervisor-qinggang", OrgUnitIds.QinggangArea)]
    [InlineData("school-bishan-middle", "caseworker", "MentalHealth", "Serious", "supervisor-weijian", OrgUnitIds.HealthCommission)]
    [InlineData("school-bishan-middle", "caseworker", "CaseInvolved", "Serious", "supervisor-zfw", OrgUnitIds.PoliticalLegalCommittee)]
    [InlineData("community-qinggang", "caseworker2", "DropoutPrevention", "Serious", "supervisor-edu", OrgUnitIds.EducationCommission)]
    [InlineData("school-bishan-middle", "caseworker", "Unsupervised", "Severe", "supervisor-taskforce", OrgUnitIds.TaskForce)]
    public async Task CompleteScreening_RoutesRegistrationApprovalToTheProposedTiersSupervisor(
        string orgUnit, string caseworker, string action, string tier, string supervisor, string body)
    {
        await using var host = await CasesHost.StartAsync("case-intake");
        var @case = await host.CreateCaseAsync(orgUnit, caseworker, suggested: null);
        await host.StartIntakeAsync(@case);
        var screening = Assert.Single(await host.OpenTasksAsync(@case.Id));

        await host.CompleteAsync(screening, "Eligible", Proposal(action, tier), "符合入库条件。");

        var done = await host.QueryAsync(db => db.WorkTasks.SingleAsync(t => t.Id == screening.Id));
        Assert.Equal((WorkTaskStatus.Completed, "Eligible", host.Users[caseworker]), (done.Status, done.Outcome, done.CompletedByUserId));
        Assert.Contains(action, done.DataJson);
        var approval = await host.OpenTaskAsync(@case.Id, "Approval:Registration");
        Assert.Equal(host.Users[supervisor], approval.AssigneeUserId);
        Assert.Equal($"Supervisor@{body}", approval.CandidateGroup);
        Assert.Equal(Enum.Parse<Tier>(tier), approval.TargetTier);
        Assert.Equal(CaseStatus.Screening, (await host.CaseAsync(@case.Id)).Status);
    }

    [Fact]
    public async Task ApproveRegistration_RegistersTheCase_WithTierBodyAndTimeline()
    {
        await using var host = await CasesHost.StartAsync("case-intake");
        var @case = await host.CreateCaseAsync();
        await host.StartIntakeAsync(@case);
        await host.CompleteAsync(Assert.Single(await host.OpenTasksAsync(@case.Id)), "Eligible", Proposal("CaseInvolved", "Serious"));

        await host.CompleteAsync(await host.OpenTaskAsync(@case.Id, "Approval:Registration"), "Approved", comment: "同意入库。");

        var registered = await host.CaseAsync(@case.Id);
        Assert.Equal((CaseStatus.Registered, FiveAction.CaseInvolved, Tier.Serious), (registered.Status, registered.PrimaryAction, registered.Tier));
        Assert.Equal((OrgUnitIds.PoliticalLegalCommittee, OrgUnitIds.YouthLeague), (registered.CoordinatingBodyId, registered.CarriedOutById));
        Assert.Equal(1, registered.RegistrationCount);
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime, registered.RegisteredAtUtc);
        Assert.True(registered.ConcurrencyToken > 0);
        var period = Assert.Single(await host.QueryAsync(db => db.CaseRegistrations.Where(r => r.CaseId == @case.Id).ToListAsync()));
        Assert.Equal((1, Tier.Serious), (period.Number, period.Tier));
        var approval = Assert.Single(await host.QueryAsync(db => db.ApprovalRecords.Where(a => a.CaseId == @case.Id).ToListAsync()));
        Assert.Equal((ApprovalSubject.Registration, ApprovalOutcome.Approved, host.Users["supervisor-zfw"]), (approval.Subject, approval.Outcome, approval.ApproverUserId));
        Assert.NotNull(approval.ConsumedAtUtc);
        var timeline = await host.TimelineAsync(@case.Id);
        Assert.Contains(timeline, t => t.Kind == TimelineKind.Approval && t.Text.Contains("入库审批") && t.Text.Contains("同意"));
        var line = Assert.Single(timeline, t => t.Kind == TimelineKind.Registered);
        Assert.Contains("涉案帮教", line.Text);
        Assert.Contains("区委政法委", line.Text);

        // The plan task comes after the registration, so it goes to the new coordinating body.
        var plan = Assert.Single(await host.OpenTasksAsync(@case.Id));
        Assert.Equal(host.Users["supervisor-zfw"], plan.AssigneeUserId);
    }

    [Fact]
    public async Task RejectRegistration_SetsRejected_WithoutRegistering()
    {
        await using var host = await CasesHost.StartAsync("case-intake");
        var @case = await host.CreateCaseAsync();
        await host.StartIntakeAsync(@case);
        await host.CompleteAsync(Assert.Single(await host.OpenTasksAsync(@case.Id)), "Eligible", Proposal("MentalHealth", "Light"));

        await host.CompleteAsync(await host.OpenTaskAsync(@case.Id, "Approval:Registration"), "Rejected", comment: "证据不足。");

        var rejected = await host.CaseAsync(@case.Id);
        Assert.Equal((CaseStatus.Rejected, 0, (Tier?)null), (rejected.Status, rejected.RegistrationCount, rejected.Tier));
        Assert.Empty(await host.OpenTasksAsync(@case.Id));
    }

    [Fact]
    public async Task RegisterWithoutApproval_FaultsTheInstance_AndChangesNothing()
    {
        await using var host = await CasesHost.StartAsync();
        var @case = await host.CreateCaseAsync();
        var register = TestWorkflows.Activity("register", "Bishan.RegisterCase", ("action", "MentalHealth"), ("tier", "Severe"));
        var json = TestWorkflows.Flowchart("sneaky-register",
            [
                TestWorkflows.Activity("start", "Elsa.Start"),
                TestWorkflows.Activity("note", "Bishan.AddTimelineEntry", ("text", "绕过审批直接入库")),
                register,
            ],
            ("start", "note", "Done"), ("note", "register", "Done"));
        var imported = await host.Services.GetRequiredService<IWorkflowDefinitionService>().ImportAsync(json, publish: true, "test");
        Assert.True(imported.Succeeded, string.Join("; ", imported.Errors.Select(e => e.Message)));

        var instance = await host.Runtime.StartAsync("sneaky-register", null, @case.Id);

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        var incident = Assert.Single(await host.QueryAsync(db => db.WorkflowIncidents.Where(i => i.InstanceId == instance.Id).ToListAsync()));
        Assert.Contains("approved Registration", incident.Message);
        Assert.Equal("RegistrationNotApproved", incident.Code);
        var unchanged = await host.CaseAsync(@case.Id);
        Assert.Equal((CaseStatus.Referred, (Tier?)null, 0), (unchanged.Status, unchanged.Tier, unchanged.RegistrationCount));
        Assert.Empty(await host.TimelineAsync(@case.Id));
        Assert.Empty(await host.QueryAsync(db => db.CaseRegistrations.ToListAsync()));
    }

    [Fact]
    public async Task EscalationToSevere_RoutesToTheTaskForce_AndChangesTierOnlyAfterApproval()
    {
        await using var host = await CasesHost.StartAsync("case-intake", "tiered-escalation");
        var @case = await RegisteredCaseAsync(host, "MentalHealth", "Light");
        var plan = Assert.Single(await host.OpenTasksAsync(@case.Id));
        Assert.Equal(host.Users["supervisor-bicheng"], plan.AssigneeUserId);

        await host.Runtime.StartAsync("tiered-escalation", new Dictionary<string, JsonNode?>
        {
            ["targetTier"] = "Severe",
            ["direction"] = "Escalation",
            ["reason"] = "多次自伤，需区级专班统筹。",
        }, @case.Id);

        var approval = await host.OpenTaskAsync(@case.Id, "Approval:Escalation");
        Assert.Equal(host.Users["supervisor-taskforce"], approval.AssigneeUserId);
        Assert.Equal(Tier.Severe, approval.TargetTier);
        Assert.Equal(Tier.Light, (await host.CaseAsync(@case.Id)).Tier);

        await host.CompleteAsync(approval, "Approved", comment: "同意升级。");

        var escalated = await host.CaseAsync(@case.Id);
        Assert.Equal((Tier.Severe, OrgUnitIds.TaskForce), (escalated.Tier, escalated.CoordinatingBodyId));
        var timeline = await host.TimelineAsync(@case.Id);
        Assert.Contains(timeline, t => t.Kind == TimelineKind.TierChanged && t.Text.StartsWith("升级", StringComparison.Ordinal) && t.Text.Contains("严重"));
        // The workflow's own text names the tier through the host's Liquid label filter.
        Assert.Contains(timeline, t => t.Text == "申请升级至“严重”：多次自伤，需区级专班统筹。");
        Assert.Equal(host.Users["supervisor-taskforce"], (await host.QueryAsync(db => db.WorkTasks.SingleAsync(t => t.Id == plan.Id))).AssigneeUserId);
        var notices = await host.QueryAsync(db => db.Notifications.Where(n => n.UserId == host.Users["caseworker"] && n.CaseId == @case.Id).ToListAsync());
        Assert.Contains(notices, n => n.Title.Contains("升级已获同意"));
    }

    [Fact]
    public async Task ChangeTier_IsRefused_WhenTheApprovalWasForAnotherTier()
    {
        await using var host = await CasesHost.StartAsync("case-intake", "tiered-escalation");
        var @case = await RegisteredCaseAsync(host, "MentalHealth", "Light");
        await host.ExecuteAsync(db =>
        {
            db.ApprovalRecords.Add(new ApprovalRecord
            {
                CaseId = @case.Id, InstanceId = "elsewhere", Subject = ApprovalSubject.Escalation, TargetTier = Tier.Serious,
                Level = 1, Outcome = ApprovalOutcome.Approved, DecidedAtUtc = host.Time.GetUtcNow().UtcDateTime,
            });
            return Task.CompletedTask;
        });
        var json = TestWorkflows.Flowchart("sneaky-escalation",
            [TestWorkflows.Activity("start", "Elsa.Start"), TestWorkflows.Activity("change", "Bishan.ChangeTier", ("targetTier", "Severe"))],
            ("start", "change", "Done"));
        Assert.True((await host.Services.GetRequiredService<IWorkflowDefinitionService>().ImportAsync(json, publish: true, "test")).Succeeded);

        var instance = await host.Runtime.StartAsync("sneaky-escalation", null, @case.Id);

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Equal(Tier.Light, (await host.CaseAsync(@case.Id)).Tier);
    }

    private static async Task<Case> RegisteredCaseAsync(CasesHost host, string action, string tier)
    {
        var @case = await host.CreateCaseAsync();
        await host.StartIntakeAsync(@case);
        await host.CompleteAsync(Assert.Single(await host.OpenTasksAsync(@case.Id)), "Eligible", Proposal(action, tier));
        await host.CompleteAsync(await host.OpenTaskAsync(@case.Id, "Approval:Registration"), "Approved");
        return await host.CaseAsync(@case.Id);
    }
}
