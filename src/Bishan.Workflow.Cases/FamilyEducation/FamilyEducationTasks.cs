using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation;

/// <summary>The open task of a referral's workflow at one of its nodes (<c>decide</c>, <c>evaluate</c>).</summary>
internal static class FamilyEducationTasks
{
    public const string DecideNode = "decide";
    public const string EvaluateNode = "evaluate";

    /// <exception cref="ConflictException">The workflow is not waiting at <paramref name="node"/>.</exception>
    public static async Task<string> OpenTaskAsync(ICasesDbContext db, FamilyEducationReferral referral, string node, CancellationToken ct)
    {
        var open = await db.WorkTasks.AsNoTracking()
            .Where(t => t.InstanceId == referral.WorkflowInstanceId && t.Status == WorkTaskStatus.Open && t.NodeId != null)
            .Select(t => new { t.Id, t.NodeId }).ToListAsync(ct);
        return open.FirstOrDefault(t => t.NodeId == node || t.NodeId!.EndsWith(":" + node, StringComparison.Ordinal))?.Id
               ?? throw new ConflictException(UseCaseStrings.Format("FamilyEducation_NoOpenTask", DomainLabels.For(referral.Status)));
    }
}
