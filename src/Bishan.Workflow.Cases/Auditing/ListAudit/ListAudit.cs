using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Auditing.ListAudit;

/// <summary>The audit log, newest first, for administrators only. Filters: user (id or login), action, entity, time range (UTC, ISO 8601).</summary>
public sealed record ListAudit(string? User = null, string? Action = null, string? EntityType = null, string? EntityId = null,
    string? From = null, string? To = null, int? Skip = null, int? Take = null) : IQuery<Page<AuditItem>>;

public sealed record AuditItem(long Id, string? UserId, string? UserName, string Action, string EntityType, string? EntityId,
    string? Detail, string? IpAddress, DateTime AtUtc);

public sealed class ListAuditHandler(ICasesDbContext db, ICurrentUser user) : IQueryHandler<ListAudit, Page<AuditItem>>
{
    public async ValueTask<Page<AuditItem>> Handle(ListAudit query, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministrator(user);
        var (skip, take) = Paging.Check(query.Skip, query.Take);
        var errors = new InputErrors();
        var from = errors.Instant("from", query.From);
        var to = errors.Instant("to", query.To);
        errors.ThrowIfAny();

        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User)) entries = entries.Where(a => a.UserId == query.User || a.UserName == query.User);
        if (!string.IsNullOrWhiteSpace(query.Action)) entries = entries.Where(a => a.Action == query.Action);
        if (!string.IsNullOrWhiteSpace(query.EntityType)) entries = entries.Where(a => a.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityId)) entries = entries.Where(a => a.EntityId == query.EntityId);
        if (from is { } f) entries = entries.Where(a => a.AtUtc >= f);
        if (to is { } t) entries = entries.Where(a => a.AtUtc < t);

        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderByDescending(a => a.Id).Skip(skip).Take(take)
            .Select(a => new AuditItem(a.Id, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityId, a.Detail, a.IpAddress, a.AtUtc))
            .ToListAsync(cancellationToken);
        return new Page<AuditItem>(items, total, skip, take);
    }
}
