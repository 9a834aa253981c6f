using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.Retention.Steps;

/// <summary>The resident ID number goes: it identifies the person on its own.</summary>
public sealed class RemoveIdNumber : IPersonalDataStep
{
    public Task ApplyAsync(ICasesDbContext db, Case file, AnonymisedName name, CancellationToken ct)
    {
        file.IdNumber = null;
        return Task.CompletedTask;
    }
}
