using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Mediator;

namespace Bishan.Workflow.Cases.Reports.EditSpecialReport;

/// <summary>
/// The drafter edits a draft (or a returned report): the title and each section's body, by the section's key (sections are
/// the figure providers'; they are edited, not added or removed). Every body must have text.
/// </summary>
public sealed record EditSpecialReport(string Id, string? Title, IReadOnlyList<SectionEdit>? Sections) : ICommand<SpecialReportView>;

public sealed record SectionEdit(string? Key, string? Body);

public sealed class EditSpecialReportHandler(ICasesDbContext db, ICurrentUser user, TimeProvider time)
    : ICommandHandler<EditSpecialReport, SpecialReportView>
{
    public const int MaxBodyLength = 20000;

    public async ValueTask<SpecialReportView> Handle(EditSpecialReport command, CancellationToken cancellationToken)
    {
        ReportAccess.EnsureMayDraft(user);
        var report = await ReportAccess.LoadAsync(db, command.Id, cancellationToken);
        ReportAccess.EnsureDrafterMayChange(user, report, await StaffNames.LoadAsync(db, [report.DraftedByUserId], cancellationToken));

        var errors = new InputErrors();
        var title = errors.Text("title", command.Title, DraftSpecialReport.DraftSpecialReportHandler.MaxTitleLength, required: true);
        var edits = command.Sections ?? [];
        for (var i = 0; i < edits.Count; i++)
        {
            var key = edits[i].Key?.Trim();
            var field = string.Create(CultureInfo.InvariantCulture, $"sections[{i}]");
            if (report.Sections.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal)) is not { } section)
            {
                errors.Add(field + ".key", InputErrors.Message("Report_SectionUnknown", "sectionKey", key ?? ""));
                continue;
            }
            if (string.IsNullOrWhiteSpace(edits[i].Body))
                errors.Add(field + ".body", UseCaseStrings.Format("Report_SectionBodyRequired", section.Heading));
            else if (edits[i].Body!.Trim().Length > MaxBodyLength)
                errors.Add(field + ".body", InputErrors.Message("Field_TooLong", "sectionBody", MaxBodyLength));
        }
        errors.ThrowIfAny();

        report.Title = title!;
        foreach (var edit in edits)
            report.Sections.First(s => string.Equals(s.Key, edit.Key!.Trim(), StringComparison.Ordinal)).Body = edit.Body!.Trim();
        report.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        AuditLog.Add(db, user, time, AuditActions.ReportEdit, nameof(SpecialReport), report.Id, report.NumberText);
        await db.SaveChangesAsync(cancellationToken);
        return await SpecialReportView.OfAsync(db, user, report, cancellationToken);
    }
}
