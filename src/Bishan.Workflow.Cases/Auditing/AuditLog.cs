using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.Auditing;

/// <summary>
/// Adds an <see cref="AuditEntry"/> to the unit of work: who (from <see cref="ICurrentUser"/>), what, when (from the
/// injected clock) and from where (the remote address). Written in the same <c>SaveChanges</c> as the change it
/// records, so a change is never saved without its audit row; reads save the row on their own.
/// </summary>
public static class AuditLog
{
    public const int MaxDetailLength = 2000;

    public static AuditEntry Add(ICasesDbContext db, ICurrentUser user, TimeProvider time,
        string action, string entityType, string? entityId, string? detail = null)
    {
        var entry = new AuditEntry
        {
            UserId = user.UserId,
            UserName = user.UserName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail,
            IpAddress = user.IpAddress,
            AtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
