namespace Bishan.Workflow.Cases.FamilyEducation;

/// <summary>Settings of the family-education referral (section <c>FamilyEducation</c>).</summary>
public sealed class FamilyEducationOptions
{
    public const string Section = "FamilyEducation";

    /// <summary>Weeks of guidance after acceptance before the change in parenting is evaluated (the workflow's timer). Default 8.</summary>
    public int EvaluationWeeks { get; set; } = 8;
}
