using Bishan.Workflow.Cases.DemoData;
using Bishan.Workflow.Cases.Family;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.IntegrationTests.Cases;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.IntegrationTests.Family;

/// <summary>The demo register has a family on every file, consistent with the action (issue 10, point 1).</summary>
public sealed class DemoFamilyFacts
{
    [Fact]
    public async Task Load_GivesEveryDemoCaseAFamily_AndMostUnsupervisedMinorsAParentWorkingAway()
    {
        await using var host = await CasesHost.StartAsync();
        var loader = new DemoRegisterLoader(host.Time, OrgUnitSeed.Tree);
        await host.QueryAsync(db => loader.LoadAsync(db, CancellationToken.None));

        var cases = await host.QueryAsync(db => db.Cases.AsNoTracking().Select(c => new { c.Id, c.PrimaryAction }).ToListAsync());
        var families = await host.QueryAsync(db => db.CaseFamilies.AsNoTracking().ToListAsync());
        var members = await host.QueryAsync(db => db.FamilyMembers.AsNoTracking().ToListAsync());
        Assert.Equal(cases.Select(c => c.Id).Order(), families.Select(f => f.CaseId).Order());
        Assert.All(cases, c => Assert.Contains(members, m => m.CaseId == c.Id && m.IsLegalGuardian));
        Assert.All(members.Where(m => m.Phone is not null), m => Assert.NotNull(FamilyPhones.Normalize(m.Phone)));

        bool Away(string caseId) => FamilyRules.ParentWorkingAway(families.Single(f => f.CaseId == caseId).Situation,
            members.Where(m => m.CaseId == caseId));
        var unsupervised = cases.Where(c => c.PrimaryAction == FiveAction.Unsupervised).ToList();
        var others = cases.Where(c => c.PrimaryAction is { } a && a != FiveAction.Unsupervised).ToList();
        Assert.Equal(73, unsupervised.Count);
        Assert.True(unsupervised.Count(c => Away(c.Id)) * 10 >= unsupervised.Count * 6, "most unsupervised minors have a parent away");
        Assert.True(others.Count(c => Away(c.Id)) * 2 < others.Count, "most other minors live with their parents");
    }
}
