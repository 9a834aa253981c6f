using System.Globalization;
using System.Text.RegularExpressions;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Criteria.PublishCriteria;

/// <summary>
/// Publishes a new version of one action's entry or exit criteria (administrators only). The list replaces the current
/// one as a whole for screenings and exit evaluations opened from now on; tasks already open keep the version they were
/// opened with, and every past judgement keeps the version it was made by. The default becomes version 1 first, so the
/// history always starts from it.
/// </summary>
public sealed record PublishCriteria(string? Kind, string? Action, IReadOnlyList<CriterionInput>? Items, string? Note) : ICommand<CriteriaCatalogView>;

/// <summary>One criterion as the editor sends it; a blank id gets one made from its position.</summary>
public sealed record CriterionInput(string? Id, string? TextZh, string? TextEn, bool? Required);

public sealed partial class PublishCriteriaHandler(ICasesDbContext db, ICurrentUser user, CriteriaCatalogs catalogs, TimeProvider time)
    : ICommandHandler<PublishCriteria, CriteriaCatalogView>
{
    public const int MaxItems = 30;
    public const int MaxTextLength = 300;
    public const int MaxNoteLength = 500;

    public async ValueTask<CriteriaCatalogView> Handle(PublishCriteria command, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministrator(user);
        var errors = new InputErrors();
        var kind = errors.Enum<CriteriaKind>("kind", command.Kind, required: true);
        var action = errors.Enum<FiveAction>("action", command.Action, required: true);
        var note = errors.Text("note", command.Note, MaxNoteLength);
        var items = CheckItems(command.Items, errors, kind);
        errors.ThrowIfAny();

        var now = time.GetUtcNow().UtcDateTime;
        var current = await catalogs.CurrentAsync(db, kind!.Value, action!.Value, now, cancellationToken);
        var version = new CriteriaVersion
        {
            Kind = kind.Value, Action = action.Value, Number = current.Number + 1, ItemsJson = CriteriaJson.Serialize(items),
            PublishedAtUtc = now, PublishedByUserId = user.UserId, Note = note,
        };
        db.CriteriaVersions.Add(version);
        AuditLog.Add(db, user, time, AuditActions.CriteriaPublish, nameof(CriteriaVersion), $"{kind}/{action}",
            string.Create(CultureInfo.InvariantCulture, $"version {version.Number}, {items.Count} items"));
        await db.SaveChangesAsync(cancellationToken);

        var versions = await db.CriteriaVersions.AsNoTracking().Where(v => v.Kind == kind && v.Action == action).ToListAsync(cancellationToken);
        var staff = await Workflow.StaffDirectory.LoadAsync(db, cancellationToken);
        return CriteriaCatalogView.Of(kind.Value, action.Value, versions, version, id => id is null ? null : staff.NameOf(id));
    }

    private static List<CriterionItem> CheckItems(IReadOnlyList<CriterionInput>? input, InputErrors errors, CriteriaKind? kind)
    {
        var items = new List<CriterionItem>();
        if (input is not { Count: > 0 })
        {
            errors.Required("items");
            return items;
        }
        if (input.Count > MaxItems) errors.Add("items", UseCaseStrings.Format("Gates_TooManyItems", MaxItems));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var each = input[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"items[{i}]");
            var zh = Item(errors, $"{at}.textZh", each?.TextZh, i, "Gates_ItemTextZh");
            var en = Item(errors, $"{at}.textEn", each?.TextEn, i, "Gates_ItemTextEn");
            var id = string.IsNullOrWhiteSpace(each?.Id)
                ? string.Create(CultureInfo.InvariantCulture, $"{(kind == CriteriaKind.Entry ? "in" : "out")}-{i + 1}")
                : each.Id.Trim();
            if (!IdPattern().IsMatch(id)) errors.Add($"{at}.id", UseCaseStrings.Format("Gates_ItemIdInvalid", i + 1));
            else if (!ids.Add(id)) errors.Add($"{at}.id", UseCaseStrings.Format("Gates_ItemIdTwice", i + 1, id));
            if (zh is not null && en is not null) items.Add(new CriterionItem(id, zh, en, each?.Required ?? true));
        }
        return items;
    }

    private static string? Item(InputErrors errors, string field, string? value, int index, string labelKey)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var label = UseCaseStrings.Format(labelKey, index + 1);
        if (text is null) errors.Add(field, UseCaseStrings.Format("Gates_ItemRequired", label));
        else if (text.Length > MaxTextLength) errors.Add(field, UseCaseStrings.Format("Gates_ItemTooLong", label, MaxTextLength));
        return text;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex IdPattern();
}
