namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>
/// Kinds of organisation unit in the four-level responsibility chain. Scoping rules depend on the kind
/// (an area supervisor sees the area, a department supervisor its actions), so the kind is part of the data.
/// </summary>
public enum OrgUnitKind
{
    /// <summary>The district education work leading group (区委教育工作领导小组).</summary>
    District,

    /// <summary>The district Five-Actions task force (区级专班).</summary>
    TaskForce,

    /// <summary>A district department (区教委, 区民政局 …).</summary>
    Department,

    /// <summary>An area (片区), represented by its education-management centre.</summary>
    Area,

    /// <summary>A school.</summary>
    School,

    /// <summary>A community (社区) or village committee (村委会).</summary>
    Community,

    /// <summary>A town (镇) or street (街道): the district's 15 township-level units, level two of the responsibility chain.</summary>
    TownStreet,

    /// <summary>The district supervision office (区督查办): receives the 专报 and supervises late work (督办).</summary>
    SupervisionOffice,

    /// <summary>The office of the leading group (领导小组办公室): where unanswered supervision notices escalate.</summary>
    LeadingGroupOffice,

    /// <summary>The district family-education guidance centre (家庭教育指导中心), seated at 御湖小学: sees every referral to its sub-centres.</summary>
    FamilyEducationCentre,

    /// <summary>A sub-centre of the guidance centre (璧城, 青杠, 丁家, 大路分中心), serving one area (<see cref="Organisation.OrgUnit.AreaId"/>).</summary>
    FamilyEducationSubCentre,
}
