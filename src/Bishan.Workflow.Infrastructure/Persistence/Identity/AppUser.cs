using Microsoft.AspNetCore.Identity;

namespace Bishan.Workflow.Infrastructure.Persistence.Identity;

/// <summary>A person who signs in: caseworker, supervisor or administrator.</summary>
public class AppUser : IdentityUser
{
    /// <summary>The name shown in task lists and the journal (a real name, not the login).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// The one org unit the user belongs to (<c>OrgUnitSeed</c> ids such as <c>school-bishan-middle</c>,
    /// <c>area-bicheng</c>, <c>task-force</c>): scoping, assignee rules and candidate groups read it.
    /// Null only for accounts created before org units existed.
    /// </summary>
    public string? OrgUnitId { get; set; }
}
