using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.Retention.Steps;

/// <summary>The minor's name becomes the family name and 某, enough to read a timeline, not to identify the person.</summary>
public sealed class ReduceMinorName : IPersonalDataStep
{
    public Task ApplyAsync(ICasesDbContext db, Case file, AnonymisedName name, CancellationToken ct)
    {
        file.Name = name.Reduced;
        return Task.CompletedTask;
    }
}
