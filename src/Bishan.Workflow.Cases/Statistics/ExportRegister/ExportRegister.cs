using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.IdNumbers;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Statistics.ExportRegister;

/// <summary>
/// The register (台账) of the caller's scope: every case ever registered, one row each, ID numbers always masked
/// (an export leaves the system, so nobody gets whole numbers in one). Column headers and values are in the request's
/// language. The export is audited with its row count.
/// </summary>
public sealed record ExportRegister : IQuery<RegisterExport>;

/// <summary>The rows as ordered header → value maps, ready for a spreadsheet writer.</summary>
public sealed record RegisterExport(string FileName, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows, IReadOnlyList<string> Headers);

public sealed class ExportRegisterHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : IQueryHandler<ExportRegister, RegisterExport>
{
    private static readonly string[] Columns =
        ["FileNumber", "Name", "Gender", "DateOfBirth", "IdNumber", "OrgUnit", "Area", "Action", "Tier", "Status",
         "CoordinatingBody", "RegisteredOn", "ExitedOn", "RegistrationCount"];

    public async ValueTask<RegisterExport> Handle(ExportRegister query, CancellationToken cancellationToken)
    {
        var cases = await CaseScope.For(user, tree).Apply(db.Cases.AsNoTracking())
            .Where(c => c.RegistrationCount > 0)
            .ToListAsync(cancellationToken);
        var headers = Columns.Select(c => UseCaseStrings.Format($"Register_{c}")).ToList();
        var rows = cases.OrderBy(c => c.FileNumber, StringComparer.Ordinal).Select(c =>
        {
            object?[] values =
            [
                c.FileNumber, c.Name, DomainLabels.For(c.Gender), c.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                c.IdNumber is null ? "" : IdNumber.MaskText(c.IdNumber), UnitName(c.OrgUnitId), UnitName(c.AreaId),
                c.PrimaryAction is { } a ? DomainLabels.For(a) : "", c.Tier is { } t ? DomainLabels.For(t) : "",
                DomainLabels.For(c.Status), UnitName(c.CoordinatingBodyId), Day(c.RegisteredAtUtc), Day(c.ExitedAtUtc), c.RegistrationCount,
            ];
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++) row[headers[i]] = values[i];
            return (IReadOnlyDictionary<string, object?>)row;
        }).ToList();

        AuditLog.Add(db, user, time, AuditActions.RegisterExport, "Register", null, $"{rows.Count} rows");
        await db.SaveChangesAsync(cancellationToken);
        var fileName = $"register-{DistrictCalendar.Today(time):yyyyMMdd}.xlsx";
        return new RegisterExport(fileName, rows, headers);
    }

    private string UnitName(string? id) => id is not null && tree.Find(id) is { } unit ? unit.Name : id ?? "";

    private static string Day(DateTime? utc) =>
        utc is { } u ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(u, DistrictCalendar.TimeZone)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
}
