namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// The organisation's version, one row (<see cref="SingleId"/>): every org-unit edit bumps it in the edit's own
/// transaction, and every node compares it with the version its <see cref="Organisation.OrgTree"/> was loaded at before
/// a use case runs, reloading the tree when another node has moved it on. The bump also serialises edits across nodes
/// (the row is locked until the edit commits), so each edit is validated against the latest tree.
/// </summary>
public sealed class OrgTreeStamp
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;
    public long Version { get; set; }
}
