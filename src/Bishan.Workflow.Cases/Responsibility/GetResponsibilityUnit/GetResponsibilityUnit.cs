using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Supervision;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;

namespace Bishan.Workflow.Cases.Responsibility.GetResponsibilityUnit;

/// <summary>
/// One unit's 跟踪问效 (or a helper team's, id <c>team-{id}</c>): its figures, the weekly trend, and the items behind them
/// (overdue tasks, cases without help for 30 days, plans past review, supervision notices). Items name cases by file number
/// only, never by the minor's name, so the view is not a read of personal data.
/// </summary>
public sealed record GetResponsibilityUnit(string UnitId) : IQuery<ResponsibilityUnitView>;

public sealed record ResponsibilityUnitView(string Id, string Name, string KindLabel, string? ParentId, ResponsibilityFigures Figures,
    IReadOnlyList<WeekFigure> Trend, IReadOnlyList<OverdueItem> OverdueTasks, IReadOnlyList<CaseItem> CasesWithoutHelp,
    IReadOnlyList<PlanItem> PlansPastReview, IReadOnlyList<NoticeItem> Notices)
{
    /// <summary>A retired (撤销) unit keeps its history here but takes no new 督办.</summary>
    public bool Retired { get; init; }
}

public sealed record OverdueItem(string TaskId, string Title, string? CaseId, string? FileNumber, DateTime? DueAtUtc, int DaysOverdue);

public sealed record CaseItem(string CaseId, string FileNumber, DateTime? LastHelpAtUtc);

public sealed record PlanItem(string CaseId, string FileNumber, string GoalTitle, DateOnly ReviewOn);

public sealed record NoticeItem(string Id, string Number, string Subject, DateOnly DeadlineOn, SupervisionStatus Status, string StatusLabel, bool Late);

public sealed class GetResponsibilityUnitHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : IQueryHandler<GetResponsibilityUnit, ResponsibilityUnitView>
{
    public async ValueTask<ResponsibilityUnitView> Handle(GetResponsibilityUnit query, CancellationToken cancellationToken)
    {
        var data = await ResponsibilityData.LoadAsync(db, time, cancellationToken);
        var byUnit = data.CasesByUnit(tree);
        string name, kind;
        string? parent = null;
        if (query.UnitId.StartsWith("team-", StringComparison.Ordinal))
        {
            if (ResponsibilityAccess.RootFor(user, tree) is null) throw new ForbiddenException(UseCaseStrings.Format("ResponsibilityForbidden"));
            var team = data.Teams.FirstOrDefault(t => string.Equals(ResponsibilityData.TeamKey(t.HelperId), query.UnitId, StringComparison.Ordinal));
            if (team.TeamName is null) throw new NotFoundException(UseCaseStrings.Format("OrgUnitNotInTree", query.UnitId));
            (name, kind) = (team.TeamName, UseCaseStrings.Format("ResponsibilityTeamKind"));
            // A supervisor reads a team only through the cases of their own reach.
            var root = ResponsibilityAccess.RootFor(user, tree)!;
            if (!string.Equals(root, OrgUnitIds.District, StringComparison.Ordinal) && byUnit.TryGetValue(root, out var mine))
                byUnit[query.UnitId] = [.. byUnit.GetValueOrDefault(query.UnitId, []).Where(mine.Contains)];
        }
        else
        {
            var unit = tree.Find(query.UnitId) ?? throw new NotFoundException(UseCaseStrings.Format("OrgUnitNotInTree", query.UnitId));
            ResponsibilityAccess.EnsureMayRead(user, tree, unit.Id);
            (name, kind, parent) = (unit.Name, DomainLabels.For(unit.Kind), unit.ParentId);
        }

        var cases = byUnit.GetValueOrDefault(query.UnitId) ?? [];
        var fileNumbers = data.Cases.ToDictionary(c => c.Id, c => c.FileNumber, StringComparer.Ordinal);
        var overdue = data.Tasks
            .Where(t => t.CaseId is not null && cases.Contains(t.CaseId) && t.Status == Model.WorkTaskStatus.Open && t.DueAtUtc < data.NowUtc)
            .OrderBy(t => t.DueAtUtc)
            .Select(t => new OverdueItem(t.Id, t.Title, t.CaseId, fileNumbers.GetValueOrDefault(t.CaseId!), t.DueAtUtc,
                (int)(data.NowUtc - t.DueAtUtc!.Value).TotalDays))
            .ToList();
        var noHelp = data.NoHelpCases(cases).OrderBy(c => c.FileNumber, StringComparer.Ordinal)
            .Select(c => new CaseItem(c.Id, c.FileNumber, data.LastHelp.TryGetValue(c.Id, out var last) ? last : null)).ToList();
        var plans = data.PlansPastReview.Where(g => cases.Contains(g.CaseId)).OrderBy(g => g.ReviewOn)
            .Select(g => new PlanItem(g.CaseId, fileNumbers.GetValueOrDefault(g.CaseId, ""), g.Title, g.ReviewOn)).ToList();
        var notices = data.NoticesOf(query.UnitId).OrderByDescending(n => n.Notice.IssuedAtUtc)
            .Select(n => new NoticeItem(n.Notice.Id, n.Notice.Number, n.Notice.Subject, n.Notice.DeadlineOn, n.State.Status,
                DomainLabels.For(n.State.Status), SupervisionState.IsLate(n.Notice, n.State, data.NowUtc)))
            .ToList();
        return new ResponsibilityUnitView(query.UnitId, name, kind, parent, data.FiguresFor(query.UnitId, cases), data.Trend(cases),
            overdue, noHelp, plans, notices) { Retired = tree.Find(query.UnitId)?.Retired == true };
    }
}
