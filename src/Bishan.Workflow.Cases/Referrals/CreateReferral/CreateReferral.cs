using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Family;
using Bishan.Workflow.Cases.Family.SetFamilySituation;
using Bishan.Workflow.Cases.IdNumbers;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Referrals.CreateReferral;

/// <summary>
/// A referral (线索/转介): creates the case (status Referred) and starts <c>case-intake</c>. Texts arrive as strings so
/// that a wrong gender, date or action is a field error with a message, not a bare "could not read the body".
/// </summary>
public sealed record CreateReferral(
    string? Name,
    string? Gender,
    string? DateOfBirth,
    string? IdNumber,
    string? OrgUnitId,
    string? Reason,
    string? SuggestedAction,
    string? Source,
    string? OverrideDuplicateReason,
    ReferralFamily? Family = null) : ICommand<ReferralCreated>;

/// <summary>The family as known at referral (optional): the guardianship situation, household support and members.</summary>
public sealed record ReferralFamily(string? Situation, string? Support, IReadOnlyList<FamilyMemberInput>? Members);

public sealed record ReferralCreated(string CaseId, string WorkflowInstanceId);

/// <summary>A possible duplicate, as shown in the 409 answer: masked, and no more than the referrer needs to decide.</summary>
public sealed record DuplicateCandidate(string CaseId, string FileNumber, string Name, DateOnly DateOfBirth, string? IdNumber,
    string OrgUnitId, CaseStatus Status, string MatchedBy);

public sealed class CreateReferralHandler(
    ICasesDbContext db,
    ICurrentUser user,
    OrgTree tree,
    CaseWorkflows workflows,
    TimeProvider time) : ICommandHandler<CreateReferral, ReferralCreated>
{
    /// <summary>A minor is younger than this on the day of the referral.</summary>
    public const int MinorAgeYears = 18;
    public const int MaxNameLength = 50;
    public const int MaxReasonLength = 2000;
    public const int MaxSourceLength = 200;
    public const int MaxOverrideReasonLength = 1000;

    public async ValueTask<ReferralCreated> Handle(CreateReferral command, CancellationToken cancellationToken)
    {
        Permissions.EnsureMayWrite(user);
        var input = Validate(command);
        var scope = CaseScope.For(user, tree);
        // A referral creates a case there, so the unit must be one whose cases the referrer may see.
        if (!scope.CoversOrgUnit(input.OrgUnit.Id, tree))
            throw new ForbiddenException(UseCaseStrings.Format("Referral_OrgUnitOutOfScope", input.OrgUnit.Name));

        await workflows.EnsurePublishedAsync(CaseWorkflows.CaseIntake, cancellationToken);
        var candidates = await FindDuplicatesAsync(input, cancellationToken);
        if (candidates.Count > 0 && input.OverrideReason is null)
            throw new ConflictException(UseCaseStrings.Format("Referral_Duplicate"),
                new Dictionary<string, object?> { ["candidates"] = candidates });

        var now = time.GetUtcNow().UtcDateTime;
        var @case = new Case
        {
            Id = Guid.NewGuid().ToString("N"),
            FileNumber = await db.NextFileNumberAsync(DistrictCalendar.Today(time).Year, cancellationToken),
            Name = input.Name,
            Gender = input.Gender,
            DateOfBirth = input.DateOfBirth,
            IdNumber = input.IdNumber?.Value,
            OrgUnitId = input.OrgUnit.Id,
            AreaId = tree.AreaOf(input.OrgUnit.Id) ?? "",
            Status = CaseStatus.Referred,
            CaseworkerUserId = await CaseworkerOfAsync(input.OrgUnit.Id, cancellationToken),
            ReferralReason = input.Reason,
            SuggestedAction = input.SuggestedAction,
            Source = input.Source,
            DuplicateOverrideReason = candidates.Count > 0 ? input.OverrideReason : null,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.Cases.Add(@case);
        db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.Referred, ActorUserId = user.UserId,
            Text = UseCaseStrings.Record("Timeline_Referred", input.Source ?? "-", input.Reason),
        });
        if (@case.DuplicateOverrideReason is { } overridden)
            db.TimelineEntries.Add(new TimelineEntry
            {
                CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.Note, ActorUserId = user.UserId,
                Text = UseCaseStrings.Record("Timeline_DuplicateOverridden", overridden),
            });
        AddFamily(@case, input.Family, now);
        AuditLog.Add(db, user, time, AuditActions.ReferralCreate, nameof(Case), @case.Id,
            candidates.Count > 0 ? $"duplicate override: {string.Join(",", candidates.Select(c => c.FileNumber))}" : null);
        // The case row must be written before the workflow's first pass, which moves it to Screening and opens the task.
        await db.SaveChangesAsync(cancellationToken);

        // The referral and the workflow's first pass commit together: a refused pass answers 409 and the use case's
        // transaction takes the case row back with it; the attempt stays on the audit log.
        var instanceId = await workflows.StartForRequestAsync(db, user, time, CaseWorkflows.CaseIntake, @case.Id,
            new Dictionary<string, JsonNode?> { ["caseId"] = @case.Id }, takeBack: () => { }, cancellationToken);
        return new ReferralCreated(@case.Id, instanceId);
    }

    private ValidReferral Validate(CreateReferral command)
    {
        var errors = new InputErrors();
        var name = errors.Text("name", command.Name, MaxNameLength, required: true);
        var gender = errors.Enum<Gender>("gender", command.Gender, required: true);
        var reason = errors.Text("reason", command.Reason, MaxReasonLength, required: true);
        var source = errors.Text("source", command.Source, MaxSourceLength);
        var overrideReason = errors.Text("overrideDuplicateReason", command.OverrideDuplicateReason, MaxOverrideReasonLength);
        var suggested = errors.Enum<FiveAction>("suggestedAction", command.SuggestedAction);

        DateOnly? dateOfBirth = null;
        if (string.IsNullOrWhiteSpace(command.DateOfBirth))
            errors.Required("dateOfBirth");
        else if (!DateOnly.TryParseExact(command.DateOfBirth.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob))
            errors.Add("dateOfBirth", UseCaseStrings.Format("Referral_DateOfBirthFormat"));
        else if (dob > DistrictCalendar.Today(time))
            errors.Add("dateOfBirth", UseCaseStrings.Format("Referral_DateOfBirthInFuture"));
        // A referral is about a minor: 0001-01-01 is a slip, not a person (issue 13).
        else if (dob <= DistrictCalendar.Today(time).AddYears(-MinorAgeYears))
            errors.Add("dateOfBirth", UseCaseStrings.Format("Expr_Referral_NotAMinor", MinorAgeYears));
        else
            dateOfBirth = dob;

        IdNumber? idNumber = null;
        // Checked against the date of birth and gender on the form: a valid number of someone else is the usual mistake.
        if (!string.IsNullOrWhiteSpace(command.IdNumber)
            && !IdNumber.TryParse(command.IdNumber, dateOfBirth, gender, out idNumber, out var idError))
            errors.Add("idNumber", idError.Describe());

        OrgUnit? unit = null;
        if (string.IsNullOrWhiteSpace(command.OrgUnitId))
            errors.Required("orgUnitId");
        else if (tree.Find(command.OrgUnitId.Trim()) is not { } found)
            errors.Add("orgUnitId", UseCaseStrings.Format("Referral_OrgUnitUnknown", command.OrgUnitId.Length > 100 ? command.OrgUnitId[..100] + "…" : command.OrgUnitId));
        else if (found.Kind is not (OrgUnitKind.School or OrgUnitKind.Community))
            errors.Add("orgUnitId", UseCaseStrings.Format("Referral_OrgUnitNotSchoolOrCommunity", found.Name));
        else if (found.Retired)
            errors.Add("orgUnitId", UseCaseStrings.Format("OrgUnitRetiredNoNewWork", found.Name));
        else
            unit = found;

        var family = ValidateFamily(errors, command.Family);
        errors.ThrowIfAny();
        return new ValidReferral(name!, gender!.Value, dateOfBirth!.Value, idNumber, unit!, reason!, suggested, source, overrideReason, family);
    }

    private async Task<List<DuplicateCandidate>> FindDuplicatesAsync(ValidReferral input, CancellationToken cancellationToken)
    {
        // Across the whole district, not the referrer's scope: a minor who changed school is still the same person.
        // The candidates are masked, so this tells the referrer no more than that a file exists and where.
        var idNumber = input.IdNumber?.Value;
        // A guardian's phone with the minor's name finds the same child entered with a wrong birth date and no ID number.
        var phones = input.Family.Members.Select(m => m.Phone).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var byPhone = phones.Count == 0 ? [] : await db.FamilyMembers.AsNoTracking()
            .Where(m => m.Active && m.Phone != null && phones.Contains(m.Phone)).Select(m => m.CaseId).Distinct().ToListAsync(cancellationToken);
        // Plain locals and only the clauses that can match: the query's shape is one of a few, each translated once.
        var name = input.Name;
        var dateOfBirth = input.DateOfBirth;
        var query = db.Cases.AsNoTracking();
        query = (idNumber, byPhone.Count) switch
        {
            (null, 0) => query.Where(c => c.Name == name && c.DateOfBirth == dateOfBirth),
            (null, _) => query.Where(c => c.Name == name && (c.DateOfBirth == dateOfBirth || byPhone.Contains(c.Id))),
            (_, 0) => query.Where(c => c.IdNumber == idNumber || (c.Name == name && c.DateOfBirth == dateOfBirth)),
            _ => query.Where(c => c.IdNumber == idNumber || (c.Name == name && (c.DateOfBirth == dateOfBirth || byPhone.Contains(c.Id)))),
        };
        var matches = await query
            .OrderBy(c => c.CreatedAtUtc)
            .Take(20)
            .Select(c => new { c.Id, c.FileNumber, c.Name, c.DateOfBirth, c.IdNumber, c.OrgUnitId, c.Status })
            .ToListAsync(cancellationToken);
        return matches.Select(c => new DuplicateCandidate(c.Id, c.FileNumber, c.Name, c.DateOfBirth,
                c.IdNumber is null ? null : IdNumber.MaskText(c.IdNumber), c.OrgUnitId, c.Status,
                idNumber is not null && c.IdNumber == idNumber ? "idNumber"
                : c.DateOfBirth == input.DateOfBirth ? "nameAndDateOfBirth" : "nameAndGuardianPhone"))
            .ToList();
    }

    /// <summary>A caseworker of the unit, the same one every time (first by user name) so that assignment is predictable.</summary>
    private async Task<string?> CaseworkerOfAsync(string orgUnitId, CancellationToken cancellationToken) =>
        (await StaffDirectory.LoadAsync(db, cancellationToken)).InRole(Roles.Caseworker, orgUnitId).Select(s => s.UserId).FirstOrDefault();

    private sealed record ValidReferral(string Name, Gender Gender, DateOnly DateOfBirth, IdNumber? IdNumber, OrgUnit OrgUnit,
        string Reason, FiveAction? SuggestedAction, string? Source, string? OverrideReason, ValidFamily Family);

    private sealed record ValidFamily(GuardianshipSituation? Situation, HouseholdSupport? Support, IReadOnlyList<ValidFamilyMember> Members);

    public const int MaxFamilyMembers = 12;

    /// <summary>The family part of the form: errors at <c>family.situation</c>, <c>family.members[i].phone</c> …; the same person twice is 409.</summary>
    private static ValidFamily ValidateFamily(InputErrors errors, ReferralFamily? family)
    {
        if (family is null) return new ValidFamily(null, null, []);
        var situation = FamilyMemberChecks.Choice<GuardianshipSituation>(errors, "family.", "situation", family.Situation);
        var support = FamilyMemberChecks.Choice<HouseholdSupport>(errors, "family.", "support", family.Support);
        var inputs = family.Members ?? [];
        if (inputs.Count > MaxFamilyMembers)
            errors.Add("family.members", InputErrors.Message("Field_TooMany", "member", MaxFamilyMembers));
        var members = new List<ValidFamilyMember>();
        for (var i = 0; i < Math.Min(inputs.Count, MaxFamilyMembers); i++)
            if (FamilyMemberChecks.Validate(errors, $"family.members[{i.ToString(CultureInfo.InvariantCulture)}].", inputs[i]) is { } member)
                members.Add(member);
        if (!errors.Any)
        {
            var accepted = new List<FamilyMember>();
            foreach (var member in members)
            {
                FamilyDuplicates.EnsureNone(accepted, member);
                accepted.Add(FamilyMembers.Create("", member, default));
            }
        }
        return new ValidFamily(situation, support, members);
    }

    private void AddFamily(Case @case, ValidFamily family, DateTime now)
    {
        if (family.Members.Count == 0 && family.Situation is null && family.Support is null) return;
        var lines = new List<string>();
        if (family.Situation is not null || family.Support is not null)
        {
            db.CaseFamilies.Add(new CaseFamily { CaseId = @case.Id, Situation = family.Situation, Support = family.Support, UpdatedAtUtc = now });
            if (family.Situation is { } s)
                lines.Add(UseCaseStrings.Record("FamilyHistory_Change", UseCaseStrings.Record("FieldLabel_situation"), "—", FamilyHistoryText.Label(s)));
            if (family.Support is { } p)
                lines.Add(UseCaseStrings.Record("FamilyHistory_Change", UseCaseStrings.Record("FieldLabel_support"), "—", FamilyHistoryText.Label(p)));
        }
        foreach (var valid in family.Members)
        {
            var member = FamilyMembers.Create(@case.Id, valid, now);
            db.FamilyMembers.Add(member);
            lines.Add(UseCaseStrings.Record("FamilyHistory_Added", FamilyHistoryText.Describe(member)));
        }
        FamilyAccess.Record(db, user, time, @case, AuditActions.FamilyChange, string.Join("；", lines));
    }
}
