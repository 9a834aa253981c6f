using Bishan.Workflow.Cases.Coordination;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tests.Coordination;

public sealed class CoordinatingBodyResolverFacts
{
    private static readonly CoordinatingBodyResolver Resolver = new(OrgUnitSeed.Tree);

    // The source's table, written out by hand rather than derived, so the test checks the rule instead of restating it.
    private static readonly Dictionary<FiveAction, (string Coordinator, string Carrier)> SeriousTable = new()
    {
        [FiveAction.DropoutPrevention] = ("dept-education", "dept-education"),
        [FiveAction.SpecialEducation] = ("dept-education", "dept-education"),
        [FiveAction.CaseInvolved] = ("dept-political-legal", "dept-youth-league"),
        [FiveAction.Unsupervised] = ("dept-civil-affairs", "dept-civil-affairs"),
        [FiveAction.MentalHealth] = ("dept-health", "dept-health"),
    };

    public static TheoryData<Tier, FiveAction, string> EveryTierActionAndArea()
    {
        var data = new TheoryData<Tier, FiveAction, string>();
        foreach (var tier in Enum.GetValues<Tier>())
        {
            foreach (var action in Enum.GetValues<FiveAction>())
            {
                foreach (var area in OrgUnitIds.Areas)
                {
                    data.Add(tier, action, area);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTierActionAndArea))]
    public void Resolve_FollowsTheTierTable_ForEveryTierActionAndArea(Tier tier, FiveAction action, string areaId)
    {
        var expected = tier switch
        {
            Tier.Light => new CoordinatingBody(tier, areaId, areaId),
            Tier.Serious => new CoordinatingBody(tier, SeriousTable[action].Coordinator, SeriousTable[action].Carrier),
            _ => new CoordinatingBody(tier, "task-force", "task-force"),
        };

        foreach (var unit in OrgUnitSeed.Tree.ChildrenOf(areaId).Append(OrgUnitSeed.Tree.Get(areaId)))
        {
            Assert.Equal(expected, Resolver.Resolve(tier, action, unit.Id));
        }
    }

    [Fact]
    public void Resolve_ReturnsTheAreaCentre_WhenCaseIsLightAtYuhuPrimary()
    {
        var body = Resolver.Resolve(Tier.Light, FiveAction.MentalHealth, "school-yuhu-primary");

        Assert.Equal("璧城片区教育管理中心", OrgUnitSeed.Tree.Get(body.OrgUnitId).Name);
        Assert.False(body.IsSplit);
    }

    [Fact]
    public void Resolve_SplitsCoordinatorAndCarrier_WhenCaseInvolvedIsSerious()
    {
        var body = Resolver.Resolve(Tier.Serious, FiveAction.CaseInvolved, "village-sanhe");

        Assert.True(body.IsSplit);
        Assert.Equal("区委政法委", OrgUnitSeed.Tree.Get(body.OrgUnitId).Name);
        Assert.Equal("团区委", OrgUnitSeed.Tree.Get(body.CarriedOutById).Name);
    }

    [Fact]
    public void Resolve_Throws_WhenUnitIsUnknown() =>
        Assert.Throws<KeyNotFoundException>(() => Resolver.Resolve(Tier.Light, FiveAction.MentalHealth, "school-nowhere"));

    [Fact]
    public void Resolve_Throws_WhenLightCaseSitsOutsideAnyArea() =>
        Assert.Throws<InvalidOperationException>(() => Resolver.Resolve(Tier.Light, FiveAction.MentalHealth, OrgUnitIds.EducationCommission));

    [Theory]
    [InlineData(FiveAction.DropoutPrevention, "dept-education")]
    [InlineData(FiveAction.SpecialEducation, "dept-education")]
    [InlineData(FiveAction.CaseInvolved, "dept-political-legal")]
    [InlineData(FiveAction.Unsupervised, "dept-civil-affairs")]
    [InlineData(FiveAction.MentalHealth, "dept-health")]
    public void EscalateOverdue_GoesToTheLeadDepartment_WhenCaseIsLight(FiveAction action, string expected)
    {
        var target = Resolver.EscalateOverdue(Tier.Light, action, "school-dalu-primary");

        Assert.Equal(expected, target.Supervisor.OrgUnitId);
        Assert.Equal(Tier.Serious, target.Supervisor.Tier);
        Assert.False(target.ReportToLeadingGroup);
    }

    [Theory]
    [InlineData(FiveAction.DropoutPrevention)]
    [InlineData(FiveAction.CaseInvolved)]
    [InlineData(FiveAction.MentalHealth)]
    public void EscalateOverdue_GoesToTheTaskForce_WhenCaseIsSerious(FiveAction action)
    {
        var target = Resolver.EscalateOverdue(Tier.Serious, action, "community-dingjia");

        Assert.Equal(new CoordinatingBody(Tier.Severe, "task-force", "task-force"), target.Supervisor);
        Assert.False(target.ReportToLeadingGroup);
    }

    [Fact]
    public void EscalateOverdue_StaysWithTheTaskForceAndReports_WhenCaseIsSevere()
    {
        var target = Resolver.EscalateOverdue(Tier.Severe, FiveAction.Unsupervised, "village-baiyun");

        Assert.Equal(new CoordinatingBody(Tier.Severe, "task-force", "task-force"), target.Supervisor);
        Assert.True(target.ReportToLeadingGroup);
    }

    [Fact]
    public void Constructor_Throws_WhenTreeLacksALeadDepartment()
    {
        var withoutHealth = OrgUnitSeed.All.Where(u => u.Id != OrgUnitIds.HealthCommission);

        var error = Assert.Throws<ArgumentException>(() => new CoordinatingBodyResolver(new OrgTree(withoutHealth)));
        Assert.Contains(OrgUnitIds.HealthCommission, error.Message);
    }
}
