using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Bishan.Workflow.Infrastructure.Transactions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>
/// The staff list a use case resolves assignees from is read once per use case (issue 15), yet never stale: a user the
/// use case saved itself, or one another use case added before the next began, is in the list it gets.
/// </summary>
public sealed class StaffListFacts
{
    [Fact]
    public async Task StaffList_IsKeptWithinAUseCase_ReadAgainAfterItSavesAUser_AndAfreshInTheNextUseCase()
    {
        await using var host = await RuntimeHost.StartAsync();
        await using var scope = host.Get<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BishanDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();

        await unitOfWork.RunAsync(async ct =>
        {
            var first = await db.StaffListAsync(ct);
            Assert.Same(first, await db.StaffListAsync(ct)); // one read per use case
            AddStaff(db, "staff-a", "工作人员甲");
            Assert.Same(first, await db.StaffListAsync(ct)); // nothing saved yet
            await db.SaveChangesAsync(ct);
            var afterSave = await db.StaffListAsync(ct);
            Assert.Contains(afterSave, s => s.UserName == "staff-a" && s.DisplayName == "工作人员甲" && s.Role == "StaffListRole");
            return 0;
        }, CancellationToken.None);

        // Another use case (another scope, as another request would be) adds a user after the first committed.
        await using (var other = host.Get<IServiceScopeFactory>().CreateAsyncScope())
        {
            var otherDb = other.ServiceProvider.GetRequiredService<BishanDbContext>();
            AddStaff(otherDb, "staff-b", "工作人员乙", roleExists: true);
            await otherDb.SaveChangesAsync();
        }

        // The same context's next use case sees it: the list is not kept across transactions.
        var names = await unitOfWork.RunAsync(async ct => (await db.StaffListAsync(ct)).Select(s => s.UserName).ToList(), CancellationToken.None);
        Assert.Contains("staff-a", names);
        Assert.Contains("staff-b", names);
        // Outside a transaction every call reads.
        Assert.NotSame(await db.StaffListAsync(), await db.StaffListAsync());
    }

    private static void AddStaff(BishanDbContext db, string userName, string displayName, bool roleExists = false)
    {
        if (!roleExists) db.Roles.Add(new IdentityRole("StaffListRole") { Id = "role-staff-list", NormalizedName = "STAFFLISTROLE" });
        db.Users.Add(new AppUser
        {
            Id = "user-" + userName, UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = displayName,
        });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = "user-" + userName, RoleId = "role-staff-list" });
    }
}
