namespace Bishan.Workflow.Cases.Model;

public enum MeetingKind
{
    /// <summary>周会商: the task force's weekly consultation.</summary>
    Weekly,

    /// <summary>月度专题会: the monthly special-topic meeting.</summary>
    Monthly,

    /// <summary>专题会: an ad-hoc special meeting called by the secretary or the task force, with the cases they put on its agenda.</summary>
    Special,
}
