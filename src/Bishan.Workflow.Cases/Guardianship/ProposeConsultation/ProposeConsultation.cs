using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Family;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Guardianship.ProposeConsultation;

/// <summary>
/// The caseworker proposes a parents-return-home guardianship consultation for a case whose parent works away, with the
/// reason: a <see cref="GuardianshipConsultation"/> and the <c>guardianship-consultation</c> workflow, whose first task goes to
/// 区民政局. 409 with the reason when no parent works away, or a consultation on the case is still open.
/// </summary>
public sealed record ProposeConsultation(string CaseId, long? ParentMemberId, string? Reason) : ICommand<ConsultationProposed>;

public sealed record ConsultationProposed(long ConsultationId, string CaseId, string WorkflowInstanceId);

public sealed class ProposeConsultationHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, CaseWorkflows workflows, TimeProvider time)
    : ICommandHandler<ProposeConsultation, ConsultationProposed>
{
    public const int MaxReasonLength = 2000;

    public async ValueTask<ConsultationProposed> Handle(ProposeConsultation command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadInScopeAsync(command.CaseId, CaseScope.For(user, tree), cancellationToken);
        if (!GuardianshipAccess.IsCaseworkerFor(user, @case) && !user.IsInRole(Roles.Administrator))
            throw new ForbiddenException(UseCaseStrings.Format("Guardianship_ProposeForbidden", @case.FileNumber));
        var errors = new InputErrors();
        var reason = errors.Text("reason", command.Reason, MaxReasonLength, required: true);
        errors.ThrowIfAny();
        if (@case.AnonymisedAtUtc is not null || @case.Status is CaseStatus.Closed or CaseStatus.Rejected)
            throw new ConflictException(UseCaseStrings.Format("Family_FileClosed", @case.FileNumber, DomainLabels.For(@case.Status)));

        var members = await db.FamilyMembers.Where(m => m.CaseId == @case.Id && m.Active).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var family = await db.CaseFamilies.AsNoTracking().FirstOrDefaultAsync(f => f.CaseId == @case.Id, cancellationToken);
        if (!FamilyRules.ParentWorkingAway(family?.Situation, members))
            throw new ConflictException(UseCaseStrings.Format("Guardianship_NoParentAway", @case.FileNumber));
        var away = members.Where(FamilyRules.IsParentAway).ToList();
        if (away.Count == 0) throw new ConflictException(UseCaseStrings.Format("Guardianship_NoParentOnFile", @case.FileNumber));
        FamilyMember parent;
        if (command.ParentMemberId is { } memberId)
        {
            parent = away.FirstOrDefault(m => m.Id == memberId)
                ?? throw InvalidInputException.For("parentMemberId", UseCaseStrings.Format("Guardianship_ParentNotAway"));
        }
        else parent = away[0];

        // Under the case's row lock, so two proposals sent at once cannot both open one.
        await db.LockRowAsync<Case>(@case.Id, cancellationToken);
        if (await db.GuardianshipConsultations.AnyAsync(c => c.CaseId == @case.Id && c.Status != GuardianshipConsultationStatus.Closed, cancellationToken))
            throw new ConflictException(UseCaseStrings.Format("Guardianship_AlreadyOpen", @case.FileNumber));
        await workflows.EnsurePublishedAsync(CaseWorkflows.GuardianshipConsultation, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var consultation = new GuardianshipConsultation
        {
            CaseId = @case.Id, ParentMemberId = parent.Id, Reason = reason!, Status = GuardianshipConsultationStatus.Proposed,
            ProposedByUserId = user.UserId, ProposedAtUtc = now,
        };
        db.GuardianshipConsultations.Add(consultation);
        var entry = db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.Note, ActorUserId = user.UserId,
            Text = UseCaseStrings.Record("GuardianshipTimeline_Proposed", DomainLabels.For(parent.Relationship, DomainCultures.Chinese), reason),
        }).Entity;
        AuditLog.Add(db, user, time, AuditActions.GuardianshipConsultationChange, nameof(Case), @case.Id, "proposed");
        await db.SaveChangesAsync(cancellationToken);

        var instanceId = await workflows.StartForRequestAsync(db, user, time, CaseWorkflows.GuardianshipConsultation, @case.Id,
            new Dictionary<string, JsonNode?>
            {
                ["caseId"] = @case.Id,
                ["consultationId"] = consultation.Id.ToString(CultureInfo.InvariantCulture),
                ["reason"] = reason,
                ["parent"] = DomainLabels.For(parent.Relationship, DomainCultures.Chinese),
            },
            () =>
            {
                db.TimelineEntries.Remove(entry);
                db.GuardianshipConsultations.Remove(consultation);
            }, cancellationToken);
        consultation.InstanceId = instanceId;
        await db.SaveChangesAsync(cancellationToken);
        return new ConsultationProposed(consultation.Id, @case.Id, instanceId);
    }
}
