using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.Retention;

/// <summary>
/// One kind of personal data removed from an expired file (the name, the ID number, the birth date, the name where
/// records repeat it …). A new kind of data (a guardian, a household member, a phone, an address) is one more small
/// step registered in DI; <see cref="CaseAnonymiser"/> runs them all in one transaction per file.
/// </summary>
public interface IPersonalDataStep
{
    /// <summary>Changes <paramref name="file"/> (tracked) and the rows about it; saving is the anonymiser's.</summary>
    Task ApplyAsync(ICasesDbContext db, Case file, AnonymisedName name, CancellationToken ct);
}

/// <summary>The minor's name before the run and the reduced form that replaces it everywhere.</summary>
public sealed record AnonymisedName(string Original, string Reduced);
