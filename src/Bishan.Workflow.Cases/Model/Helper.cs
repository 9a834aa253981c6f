namespace Bishan.Workflow.Cases.Model;

/// <summary>A person or team in the helper resource pool.</summary>
public sealed class Helper
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public HelperKind Kind { get; set; }

    /// <summary>The unit the helper works with (area, department, school); null for district-wide.</summary>
    public string? OrgUnitId { get; set; }

    /// <summary>The team the person belongs to, if any.</summary>
    public string? TeamName { get; set; }

    public string? Phone { get; set; }
    public string? Specialty { get; set; }
    public bool Active { get; set; } = true;
}
