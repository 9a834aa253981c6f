using System.Text.RegularExpressions;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;

namespace Bishan.Workflow.Cases.Helpers;

/// <summary>The fields of a helper as created or edited, checked once for both.</summary>
internal sealed partial record HelperInput(string Name, HelperKind Kind, string? OrgUnitId, string? TeamName, string? Phone, string? Specialty)
{
    public const int MaxNameLength = 100;
    public const int MaxTeamLength = 100;
    public const int MaxSpecialtyLength = 200;

    /// <exception cref="InvalidInputException">Any field is invalid.</exception>
    /// <param name="currentUnitId">The unit the helper is in now (on an edit): kept even when it has been retired since.</param>
    public static HelperInput Check(string? name, string? kind, string? orgUnitId, string? teamName, string? phone, string? specialty, OrgTree tree,
        string? currentUnitId = null)
    {
        var errors = new InputErrors();
        var checkedName = errors.Text("name", name, MaxNameLength, required: true);
        var checkedKind = errors.Enum<HelperKind>("kind", kind, required: true);
        var unit = errors.Text("orgUnitId", orgUnitId, 64);
        var found = unit is null ? null : tree.Find(unit);
        if (unit is not null && found is null) errors.Add("orgUnitId", UseCaseStrings.Format("Referral_OrgUnitUnknown", unit));
        // A retired unit takes no new helpers; one already placed there stays while the rest of the record is edited.
        if (found is { Retired: true } && !string.Equals(found.Id, currentUnitId, StringComparison.Ordinal))
            errors.Add("orgUnitId", UseCaseStrings.Format("OrgUnitRetiredNoNewWork", found.Name));
        var team = errors.Text("teamName", teamName, MaxTeamLength);
        var checkedPhone = errors.Text("phone", phone, 32);
        if (checkedPhone is not null && !PhonePattern().IsMatch(checkedPhone)) errors.Add("phone", UseCaseStrings.Format("Helper_PhoneInvalid"));
        var checkedSpecialty = errors.Text("specialty", specialty, MaxSpecialtyLength);
        errors.ThrowIfAny();
        return new HelperInput(checkedName!, checkedKind!.Value, unit, team, checkedPhone, checkedSpecialty);
    }

    public void ApplyTo(Helper helper)
    {
        helper.Name = Name;
        helper.Kind = Kind;
        helper.OrgUnitId = OrgUnitId;
        helper.TeamName = TeamName;
        helper.Phone = Phone;
        helper.Specialty = Specialty;
    }

    /// <summary>
    /// Administrators and task-force supervisors keep the whole pool; another supervisor keeps the helpers of their own unit
    /// and the units under it (an area centre its schools), never the district-wide ones.
    /// </summary>
    /// <exception cref="ForbiddenException">Not an administrator or supervisor, or the unit is out of their reach.</exception>
    public static void EnsureMayKeep(ICurrentUser user, OrgTree tree, string? orgUnitId)
    {
        Permissions.EnsureAdministratorOrSupervisor(user);
        UnitReach.Ensure(user, tree, orgUnitId);
    }

    [GeneratedRegex(@"^[0-9+\- ]{5,32}$")]
    private static partial Regex PhonePattern();
}
