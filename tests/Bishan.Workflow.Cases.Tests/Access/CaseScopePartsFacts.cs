using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tests.Access;

/// <summary>
/// The case list reads the scope in parts (<see cref="CaseScope.Parts"/>, merged) and counts it in disjoint parts
/// (<see cref="CaseScope.DisjointParts"/>, added up): for a user of every kind of unit, over cases across the district,
/// the parts together hold exactly the cases <see cref="CaseScope.Covers"/>, and the disjoint parts hold each of them once.
/// </summary>
public sealed class CaseScopePartsFacts
{
    private sealed record User(string? UserId, string? OrgUnitId, IReadOnlyCollection<string> Roles) : ICurrentUser
    {
        public string? UserName => UserId;
        public string? IpAddress => null;
    }

    private static readonly OrgTree Tree = OrgUnitSeed.Tree;

    private static List<Case> CasesAcrossTheDistrict()
    {
        var cases = new List<Case>();
        var actions = Enum.GetValues<FiveAction>();
        var n = 0;
        foreach (var unit in Tree.Units.Where(u => u.Kind is OrgUnitKind.School or OrgUnitKind.Community))
        {
            // Three cases a unit: the caseworker's own on every third, some without a primary action.
            for (var k = 0; k < 3; k++)
            {
                n++;
                cases.Add(new Case
                {
                    Id = n.ToString(System.Globalization.CultureInfo.InvariantCulture), OrgUnitId = unit.Id, AreaId = Tree.AreaOf(unit.Id) ?? "",
                    CaseworkerUserId = n % 3 == 0 ? "worker-7" : "someone-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    PrimaryAction = n % 4 == 0 ? null : actions[n % actions.Length],
                });
            }
        }
        return cases;
    }

    public static TheoryData<OrgUnitKind> Kinds() =>
        [OrgUnitKind.School, OrgUnitKind.Community, OrgUnitKind.Area, OrgUnitKind.TownStreet, OrgUnitKind.Department, OrgUnitKind.District];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parts_hold_the_scope_and_disjoint_parts_hold_each_case_once_for_every_kind_of_unit(OrgUnitKind kind)
    {
        var cases = CasesAcrossTheDistrict();
        foreach (var unit in Tree.OfKind(kind))
        {
            var scope = CaseScope.For(new User("worker-7", unit.Id, [Roles.Caseworker]), Tree);
            var parts = scope.Parts().Select(p => p.Compile()).ToList();
            var disjoint = scope.DisjointParts().Select(p => p.Compile()).ToList();
            foreach (var @case in cases)
            {
                var covered = scope.Covers(@case);
                Assert.True(covered == parts.Any(p => p(@case)), $"{unit.Id}: parts and the case at {@case.OrgUnitId} ({@case.PrimaryAction})");
                Assert.True(disjoint.Count(p => p(@case)) == (covered ? 1 : 0),
                    $"{unit.Id}: disjoint parts and the case at {@case.OrgUnitId} ({@case.PrimaryAction}, {@case.CaseworkerUserId})");
            }
            // Not vacuous: below the district the caseworker's own cases elsewhere are in scope through their own part.
            if (kind != OrgUnitKind.District)
                Assert.Contains(cases, c => scope.Covers(c) && c.CaseworkerUserId == "worker-7" && !string.Equals(c.OrgUnitId, unit.Id, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Key_is_shared_by_everyone_who_sees_all_and_differs_between_users_of_one_unit()
    {
        var school = Tree.OfKind(OrgUnitKind.School).First().Id;
        Assert.Equal(CaseScope.For(new User("a", null, [Roles.Leader]), Tree).Key, CaseScope.For(new User("b", "district", [Roles.Caseworker]), Tree).Key);
        Assert.NotEqual(CaseScope.For(new User("a", school, [Roles.Caseworker]), Tree).Key, CaseScope.For(new User("b", school, [Roles.Caseworker]), Tree).Key);
        Assert.Equal(CaseScope.For(new User("a", school, [Roles.Caseworker]), Tree).Key, CaseScope.For(new User("a", school, [Roles.Supervisor]), Tree).Key);
    }
}
