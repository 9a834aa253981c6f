namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>Where a parent class (家长课堂) stands.</summary>
public enum FamilyEducationClassStatus
{
    /// <summary>已安排: scheduled; parents may be invited.</summary>
    Scheduled,

    /// <summary>已开课: attendance was recorded after the class.</summary>
    Held,

    /// <summary>已取消: cancelled with a reason; no reminder is sent.</summary>
    Cancelled,
}
