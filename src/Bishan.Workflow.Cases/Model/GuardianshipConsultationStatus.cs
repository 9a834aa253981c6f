namespace Bishan.Workflow.Cases.Model;

/// <summary>Where a parents-return-home guardianship consultation stands.</summary>
public enum GuardianshipConsultationStatus
{
    /// <summary>The caseworker proposed it; the civil-affairs department has not arranged it yet.</summary>
    Proposed,

    /// <summary>Arranged by the department (planned date, jobs matched), not yet held.</summary>
    Arranged,

    /// <summary>Held and its outcome recorded; the follow-up review of the guardianship is due three months later.</summary>
    AwaitingFollowUp,

    /// <summary>Ended: reviewed after three months, or the parent's return was not possible now.</summary>
    Closed,
}
