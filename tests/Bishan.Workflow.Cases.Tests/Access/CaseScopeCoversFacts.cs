using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tests.Access;

/// <summary>
/// <see cref="CaseScope.Covers"/> (the in-memory check every read and change makes) says the same as
/// <see cref="CaseScope.Predicate"/> (the filter the lists send to the database), for a user of every kind of unit and
/// cases spread over the whole district.
/// </summary>
public sealed class CaseScopeCoversFacts
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
            n++;
            cases.Add(new Case
            {
                Id = n.ToString(System.Globalization.CultureInfo.InvariantCulture), OrgUnitId = unit.Id, AreaId = Tree.AreaOf(unit.Id) ?? "",
                CaseworkerUserId = n % 7 == 0 ? "worker-7" : "someone-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                PrimaryAction = n % 3 == 0 ? null : actions[n % actions.Length],
            });
        }
        return cases;
    }

    public static TheoryData<OrgUnitKind> Kinds() =>
        [OrgUnitKind.School, OrgUnitKind.Community, OrgUnitKind.Area, OrgUnitKind.TownStreet, OrgUnitKind.Department, OrgUnitKind.District];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Covers_agrees_with_the_database_filter_for_a_caseworker_of_every_kind_of_unit(OrgUnitKind kind)
    {
        var cases = CasesAcrossTheDistrict();
        foreach (var unit in Tree.OfKind(kind))
        {
            var scope = CaseScope.For(new User("worker-7", unit.Id, [Roles.Caseworker]), Tree);
            var filter = scope.Predicate.Compile();
            foreach (var @case in cases)
                Assert.True(filter(@case) == scope.Covers(@case), $"{unit.Id} and the case at {@case.OrgUnitId} ({@case.PrimaryAction})");
            // Not a vacuous comparison: the caseworker's own cases are covered and, below the district, not every case is.
            Assert.Contains(cases, scope.Covers);
            if (kind != OrgUnitKind.District) Assert.Contains(cases, c => !scope.Covers(c));
        }
    }

    [Fact]
    public void Covers_everything_for_a_district_wide_role_and_only_their_own_cases_for_an_unplaced_user()
    {
        var cases = CasesAcrossTheDistrict();
        Assert.All(cases, c => Assert.True(CaseScope.For(new User("x", null, [Roles.Leader]), Tree).Covers(c)));
        var unplaced = CaseScope.For(new User("worker-7", null, [Roles.Caseworker]), Tree);
        Assert.Equal(cases.Where(c => c.CaseworkerUserId == "worker-7").Select(c => c.Id), cases.Where(unplaced.Covers).Select(c => c.Id));
    }
}
