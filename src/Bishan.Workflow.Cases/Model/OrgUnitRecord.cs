using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// An org unit as stored: the seed on first start, then what administrators create, rename, move and retire. Rows are
/// never deleted, so every case, task and audit row that names a unit keeps resolving it.
/// </summary>
public sealed class OrgUnitRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? EnglishName { get; set; }
    public OrgUnitKind Kind { get; set; }
    public string? ParentId { get; set; }

    /// <summary>For schools, communities and towns/streets: the area (片区) they lie in.</summary>
    public string? AreaId { get; set; }

    /// <summary>For departments: the actions they lead or carry out, comma-separated action names.</summary>
    public string Actions { get; set; } = "";

    /// <summary>Keeps the seed's order (parents before children, the source's order) in lists and trees.</summary>
    public int Position { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? RetiredAtUtc { get; set; }
}
