namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>Gender as recorded on the resident ID (the 17th digit of the number is odd for male).</summary>
public enum Gender
{
    Male,
    Female,
}
