namespace Bishan.Workflow.Cases.Model;

/// <summary>What a guardianship consultation came to; the names are also the workflow task's outcomes.</summary>
public enum GuardianshipOutcome
{
    /// <summary>The parent comes home and takes a local job from the register.</summary>
    ReturnedWithJob,

    /// <summary>The parent comes home without a job through the register.</summary>
    ReturnedWithoutJob,

    /// <summary>A relative is named as entrusted guardian (委托监护).</summary>
    EntrustedGuardian,

    /// <summary>Not possible now, with the reason.</summary>
    NotPossibleNow,
}
