namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// An entity edited by more than one person or process at a time (a case file, a task). SQLite has no rowversion,
/// so the token is application-managed: the context bumps it on every save of a modified entity and the update
/// only succeeds when the stored token still matches the one read (DESIGN.md, EF Core on SQLite).
/// </summary>
public interface IConcurrencyVersioned
{
    long ConcurrencyToken { get; set; }
}
