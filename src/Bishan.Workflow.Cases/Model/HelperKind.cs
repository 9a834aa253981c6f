namespace Bishan.Workflow.Cases.Model;

/// <summary>The kinds of people in the helper resource pool (帮扶资源库).</summary>
public enum HelperKind
{
    /// <summary>A helper team (同心护未来 …).</summary>
    Team,

    /// <summary>An expert (psychologist, lawyer …).</summary>
    Expert,

    /// <summary>婚姻家庭指导师 / family-education instructor.</summary>
    FamilyEducationInstructor,

    /// <summary>A party member from an agency.</summary>
    PartyMember,

    /// <summary>A retired cadre ("五老", 关工委).</summary>
    RetiredCadre,

    /// <summary>A member of the public (volunteer).</summary>
    Public,

    SocialWorker,

    /// <summary>A registered volunteer (志愿者).</summary>
    Volunteer,

    /// <summary>A grid worker (网络员, 网格员) of a community or village.</summary>
    GridWorker,
}
