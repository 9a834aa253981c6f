using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;

namespace Bishan.Workflow.Cases.Responsibility.GetResponsibilityTree;

/// <summary>
/// The four-level responsibility chain as a tree the leader walks: the leading group → departments, the task force, 镇街 and
/// areas → schools, communities and villages → helper teams, each node with its figures. A supervisor's tree starts at their unit.
/// </summary>
public sealed record GetResponsibilityTree : IQuery<ResponsibilityNode>;

/// <summary>A node: a unit (its id) or a helper team (<c>team-{id}</c>, kind null) with its figures and children.</summary>
public sealed record ResponsibilityNode(string Id, string Name, OrgUnitKind? Kind, string KindLabel, ResponsibilityFigures Figures,
    IReadOnlyList<ResponsibilityNode> Children);

public sealed class GetResponsibilityTreeHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : IQueryHandler<GetResponsibilityTree, ResponsibilityNode>
{
    /// <summary>Level two of the chain under the leading group (offices are not responsible for cases).</summary>
    private static readonly OrgUnitKind[] LevelTwo = [OrgUnitKind.TaskForce, OrgUnitKind.Department, OrgUnitKind.TownStreet, OrgUnitKind.Area];

    public async ValueTask<ResponsibilityNode> Handle(GetResponsibilityTree query, CancellationToken cancellationToken)
    {
        var root = ResponsibilityAccess.RootFor(user, tree) ?? throw new ForbiddenException(UseCaseStrings.Format("ResponsibilityForbidden"));
        var data = await ResponsibilityData.LoadAsync(db, time, cancellationToken);
        var byUnit = data.CasesByUnit(tree);
        return Node(tree.Get(root), data, byUnit);
    }

    private ResponsibilityNode Node(OrgUnit unit, ResponsibilityData data, Dictionary<string, HashSet<string>> byUnit)
    {
        var cases = byUnit.GetValueOrDefault(unit.Id) ?? [];
        IEnumerable<ResponsibilityNode> children = unit.Kind switch
        {
            OrgUnitKind.District => tree.ChildrenOf(unit.Id).Where(c => LevelTwo.Contains(c.Kind)).Select(c => Node(c, data, byUnit)),
            OrgUnitKind.Area or OrgUnitKind.TownStreet => tree.ChildrenOf(unit.Id)
                .Where(c => c.Kind is OrgUnitKind.School or OrgUnitKind.Community && (!c.Retired || byUnit.ContainsKey(c.Id)))
                .Select(c => Node(c, data, byUnit)),
            OrgUnitKind.School or OrgUnitKind.Community => Teams(cases, data, byUnit),
            _ => [],
        };
        return new ResponsibilityNode(unit.Id, unit.Name, unit.Kind, DomainLabels.For(unit.Kind), data.FiguresFor(unit.Id, cases), [.. children]);
    }

    /// <summary>The helper teams on the unit's cases, each with the figures of those cases.</summary>
    private static IEnumerable<ResponsibilityNode> Teams(HashSet<string> cases, ResponsibilityData data, Dictionary<string, HashSet<string>> byUnit) =>
        data.Teams.Where(t => cases.Contains(t.CaseId)).GroupBy(t => (t.HelperId, t.TeamName))
            .Select(g =>
            {
                var teamCases = g.Select(t => t.CaseId).ToHashSet(StringComparer.Ordinal);
                return new ResponsibilityNode(ResponsibilityData.TeamKey(g.Key.HelperId), g.Key.TeamName, null,
                    UseCaseStrings.Format("ResponsibilityTeamKind"), data.FiguresFor(ResponsibilityData.TeamKey(g.Key.HelperId), teamCases), []);
            })
            .OrderByDescending(n => n.Figures.OverdueTasks).ThenBy(n => n.Name, StringComparer.Ordinal);
}
