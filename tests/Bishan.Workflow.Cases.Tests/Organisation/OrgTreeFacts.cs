using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tests.Organisation;

public sealed class OrgTreeFacts
{
    private static readonly OrgTree Tree = OrgUnitSeed.Tree;

    [Theory]
    [InlineData("school-yuhu-primary", OrgUnitIds.BichengArea)]
    [InlineData("village-shuangxing", OrgUnitIds.BichengArea)]
    [InlineData("school-qinggang-primary", OrgUnitIds.QinggangArea)]
    [InlineData("school-dingjia-middle", OrgUnitIds.DingjiaArea)]
    [InlineData("village-tuanba", OrgUnitIds.DaluArea)]
    [InlineData(OrgUnitIds.DaluArea, OrgUnitIds.DaluArea)]
    public void AreaOf_ReturnsTheArea_WhenUnitIsInOne(string unitId, string expected) =>
        Assert.Equal(expected, Tree.AreaOf(unitId));

    [Theory]
    [InlineData(OrgUnitIds.District)]
    [InlineData(OrgUnitIds.TaskForce)]
    [InlineData(OrgUnitIds.EducationCommission)]
    public void AreaOf_ReturnsNull_WhenUnitIsDistrictLevel(string unitId) =>
        Assert.Null(Tree.AreaOf(unitId));

    [Fact]
    public void AreaOf_Throws_WhenUnitIsUnknown() =>
        Assert.Throws<KeyNotFoundException>(() => Tree.AreaOf("school-nowhere"));

    [Fact]
    public void AreaOf_WalksUpTheTree_WhenUnitHasNoAreaId()
    {
        var tree = new OrgTree(
        [
            new("root", "根", OrgUnitKind.District, null),
            new("area", "片区", OrgUnitKind.Area, "root"),
            new("school", "学校", OrgUnitKind.School, "area"),
        ]);

        Assert.Equal("area", tree.AreaOf("school"));
    }

    [Theory]
    [InlineData(OrgUnitIds.District, "school-dalu-middle", true)]
    [InlineData(OrgUnitIds.DaluArea, "school-dalu-middle", true)]
    [InlineData("school-dalu-middle", "school-dalu-middle", true)]
    [InlineData(OrgUnitIds.BichengArea, "school-dalu-middle", false)]
    [InlineData("school-dalu-middle", OrgUnitIds.DaluArea, false)]
    [InlineData(OrgUnitIds.EducationCommission, "school-yuhu-primary", false)]
    [InlineData(OrgUnitIds.TaskForce, "school-yuhu-primary", false)]
    public void IsUnder_AnswersInclusiveSubtreeMembership_WhenBothUnitsExist(string ancestorId, string unitId, bool expected) =>
        Assert.Equal(expected, Tree.IsUnder(ancestorId, unitId));

    [Theory]
    [InlineData("nowhere", "school-dalu-middle")]
    [InlineData(OrgUnitIds.District, "nowhere")]
    public void IsUnder_ReturnsFalse_WhenEitherUnitIsUnknown(string ancestorId, string unitId) =>
        Assert.False(Tree.IsUnder(ancestorId, unitId));

    [Fact]
    public void AncestorsOf_ListsNearestFirst_WhenUnitIsASchool() =>
        Assert.Equal([OrgUnitIds.QinggangArea, OrgUnitIds.District], Tree.AncestorsOf("school-laifeng-primary").Select(u => u.Id));

    [Fact]
    public void Constructor_Throws_WhenIdsRepeat()
    {
        var error = Assert.Throws<ArgumentException>(() => new OrgTree(
        [
            new("root", "根", OrgUnitKind.District, null),
            new("root", "根二", OrgUnitKind.District, null),
        ]));
        Assert.Contains("root", error.Message);
    }

    [Fact]
    public void Constructor_Throws_WhenParentIsMissing() =>
        Assert.Throws<ArgumentException>(() => new OrgTree([new("a", "甲", OrgUnitKind.Department, "ghost")]));

    [Fact]
    public void Constructor_Throws_WhenParentsFormACycle() =>
        Assert.Throws<ArgumentException>(() => new OrgTree(
        [
            new("a", "甲", OrgUnitKind.Department, "b"),
            new("b", "乙", OrgUnitKind.Department, "a"),
        ]));

    [Fact]
    public void Constructor_Throws_WhenSchoolIsOutsideAnyArea() =>
        Assert.Throws<ArgumentException>(() => new OrgTree(
        [
            new("root", "根", OrgUnitKind.District, null),
            new("school", "学校", OrgUnitKind.School, "root"),
        ]));

    [Fact]
    public void Constructor_Throws_WhenAreaIdContradictsTheTree() =>
        Assert.Throws<ArgumentException>(() => new OrgTree(
        [
            new("root", "根", OrgUnitKind.District, null),
            new("east", "东片区", OrgUnitKind.Area, "root"),
            new("west", "西片区", OrgUnitKind.Area, "root"),
            new("school", "学校", OrgUnitKind.School, "east") { AreaId = "west" },
        ]));

    [Fact]
    public void OfKind_ReturnsTheFourAreas_WhenAskedForAreas() =>
        Assert.Equal(OrgUnitIds.Areas, Tree.OfKind(OrgUnitKind.Area).Select(a => a.Id));
}
