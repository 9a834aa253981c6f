using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// The state shared by the steps that apply one pass: the context, the clock, the staff (read once) and the cases
/// touched (read once, tracked, so later effects of the pass see earlier ones).
/// </summary>
internal sealed class PassScope(ICasesDbContext db, CasePass pass, DateTime nowUtc, CancellationToken ct)
{
    private readonly Dictionary<string, Case?> _cases = new(StringComparer.Ordinal);
    private StaffDirectory? _staff;

    public ICasesDbContext Db { get; } = db;
    public CasePass Pass { get; } = pass;
    public DateTime NowUtc { get; } = nowUtc;
    public CancellationToken Ct { get; } = ct;

    public async Task<StaffDirectory> StaffAsync() => _staff ??= await StaffDirectory.LoadAsync(Db, Ct);

    /// <summary>The case by id or by file number (meeting decisions name cases by file number), or null.</summary>
    public async Task<Case?> FindCaseAsync(string? idOrFileNumber)
    {
        if (string.IsNullOrWhiteSpace(idOrFileNumber)) return null;
        var key = idOrFileNumber.Trim();
        if (_cases.TryGetValue(key, out var known)) return known;
        var found = await Db.Cases.FindAsync([key], Ct)
                    ?? Db.Cases.Local.FirstOrDefault(c => c.FileNumber == key)
                    ?? await Db.Cases.FirstOrDefaultAsync(c => c.FileNumber == key, Ct);
        _cases[key] = found;
        return found;
    }

    /// <summary>The case an effect acts on; an effect about a missing case is refused rather than dropped.</summary>
    public async Task<Case> RequireCaseAsync(string caseId) =>
        await FindCaseAsync(caseId) ?? throw new CaseGateException(CaseGateException.CaseNotFound,
            $"Case '{caseId}' does not exist (workflow instance {Pass.InstanceId}).");

    /// <summary>The action screening proposed (workflow variable <c>proposedAction</c>), while the case has none.</summary>
    public FiveAction? ProposedAction =>
        Pass.Variables.TryGetValue("proposedAction", out var v) && v is not null
        && Enum.TryParse<FiveAction>(v.ToString(), ignoreCase: true, out var action) ? action : null;

    public void Timeline(string caseId, TimelineKind kind, string text, string? actorUserId = null, string? taskId = null) =>
        Db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = caseId,
            AtUtc = NowUtc,
            Kind = kind,
            Text = text.Length > 4000 ? text[..4000] : text,
            ActorUserId = actorUserId,
            InstanceId = Pass.InstanceId,
            TaskId = taskId,
        });

    public void Notify(IEnumerable<string> userIds, string title, string message, string? caseId, string? taskId)
    {
        foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
            Db.Notifications.Add(new Notification
            {
                UserId = userId,
                Title = title.Length > 500 ? title[..500] : title,
                Message = message.Length > 4000 ? message[..4000] : message,
                CaseId = caseId,
                TaskId = taskId,
                CreatedAtUtc = NowUtc,
            });
    }

    public void Touch(Case @case) => @case.UpdatedAtUtc = NowUtc;
}
