using Microsoft.AspNetCore.Identity;

namespace Bishan.Workflow.Infrastructure.Persistence.Identity;

/// <summary>A person who signs in: caseworker, supervisor or administrator.</summary>
public class AppUser : IdentityUser
{
    /// <summary>The name shown in task lists and the journal (a real name, not the login).</summary>
    public string DisplayName { get; set; } = "";
}
