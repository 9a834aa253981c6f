using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Access;

/// <summary>Loads one case for a user: 404 when it does not exist, 403 when it is out of their scope.</summary>
public static class CaseAccess
{
    /// <exception cref="NotFoundException">No such case.</exception>
    /// <exception cref="ForbiddenException">The case is out of scope.</exception>
    public static async Task<Case> LoadInScopeAsync(this ICasesDbContext db, string caseId, CaseScope scope, CancellationToken ct)
    {
        var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw new NotFoundException(UseCaseStrings.Format("Case_NotFound", caseId));
        scope.EnsureCovers(@case);
        return @case;
    }
}
