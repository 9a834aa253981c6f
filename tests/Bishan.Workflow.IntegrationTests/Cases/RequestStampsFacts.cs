using Bishan.Workflow.Cases.CaseFiles.ListCases;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Tasks.UnclaimTask;
using Bishan.Workflow.Infrastructure.Cases;
using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Cases;

/// <summary>
/// The versions read with the caller's account at the start of a request (issue 15, round four) serve the request's queries
/// only until a command runs in it: a query keeps them (and, its organisation version being current, reads nothing more), a
/// command makes the scope forget them for good, so what follows it in the same request reads the stored versions.
/// </summary>
public sealed class RequestStampsFacts
{
    [Fact]
    public async Task AQueryKeepsTheVersionsReadWithTheAccount_ACommandForgetsThemForTheRestOfTheScope()
    {
        await using var host = await CasesHost.StartAsync();
        var dbs = host.Services.GetRequiredService<IDbContextFactory<BishanDbContext>>();
        var tree = host.Services.GetRequiredService<OrgTree>();
        await using (var db = await dbs.CreateDbContextAsync()) await OrgUnitStore.EnsureCurrentAsync(db, tree, CancellationToken.None);
        var orgTreeVersion = tree.Version;
        var stamps = new RequestStamps();
        stamps.Offer(41, orgTreeVersion);

        var reached = 0;
        ValueTask<int> Next<T>(T message, CancellationToken ct)
        {
            reached++;
            return ValueTask.FromResult(reached);
        }

        await new OrgTreeSyncBehavior<ListCases, int>(dbs, tree, stamps).Handle(new ListCases(), Next, CancellationToken.None);
        Assert.Equal(41, stamps.DataVersion);
        Assert.Equal(orgTreeVersion, stamps.OrgTreeVersion);

        await new OrgTreeSyncBehavior<UnclaimTask, int>(dbs, tree, stamps).Handle(new UnclaimTask("none"), Next, CancellationToken.None);
        Assert.Null(stamps.DataVersion);
        Assert.Null(stamps.OrgTreeVersion);

        // Offered again later in the same scope (a second account check): still forgotten.
        stamps.Offer(42, orgTreeVersion);
        Assert.Null(stamps.DataVersion);
        Assert.Equal(2, reached);
    }
}
