using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.OrgUnits;

/// <summary>An org unit as the admin API and page show it.</summary>
public sealed record OrgUnitView(string Id, string Name, string? EnglishName, OrgUnitKind Kind, string KindLabel, string? ParentId,
    string? ParentName, string? AreaId, bool Retired, DateTime? RetiredAtUtc)
{
    public static OrgUnitView Of(OrgUnitRecord row, OrgTree tree)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(tree);
        return new(row.Id, row.Name, row.EnglishName, row.Kind, Localization.DomainLabels.For(row.Kind), row.ParentId,
            row.ParentId is null ? null : tree.Find(row.ParentId)?.Name, row.AreaId, row.RetiredAtUtc is not null, row.RetiredAtUtc);
    }
}
