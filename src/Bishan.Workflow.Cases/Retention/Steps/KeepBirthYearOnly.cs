using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.Retention.Steps;

/// <summary>The birth date keeps its year (age statistics), not the day that, with a name, identifies a person.</summary>
public sealed class KeepBirthYearOnly : IPersonalDataStep
{
    public Task ApplyAsync(ICasesDbContext db, Case file, AnonymisedName name, CancellationToken ct)
    {
        file.DateOfBirth = new DateOnly(file.DateOfBirth.Year, 1, 1);
        return Task.CompletedTask;
    }
}
