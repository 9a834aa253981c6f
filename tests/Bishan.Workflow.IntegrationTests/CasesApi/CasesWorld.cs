using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases;
using Bishan.Workflow.Cases.IdNumbers;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// The people and workflows the case API facts need, created through Identity and the admin API (idempotent, so
/// every fact class can call it; the collection runs them one after another on one app).
/// </summary>
internal static class CasesWorld
{
    public const string Password = "Cases#2026test";

    // Two schools in different areas and a department, so every scope rule has an inside and an outside.
    public const string SchoolA = "school-biquan-middle";      // 璧城 area, no demo caseworker (theirs would be picked first)
    public const string SchoolA2 = "school-bicheng-primary";   // 璧城 area, another school
    public const string SchoolB = "school-qinggang-primary";   // 青杠 area
    public const string AreaA = "area-bicheng";
    public const string AreaB = "area-qinggang";

    public static readonly TestUser CaseworkerA = new("it-cw-a", Roles.Caseworker, SchoolA);
    public static readonly TestUser CaseworkerA2 = new("it-cw-a2", Roles.Caseworker, SchoolA2);
    public static readonly TestUser CaseworkerB = new("it-cw-b", Roles.Caseworker, SchoolB);
    public static readonly TestUser SupervisorAreaA = new("it-sup-area-a", Roles.Supervisor, AreaA);
    public static readonly TestUser SupervisorAreaB = new("it-sup-area-b", Roles.Supervisor, AreaB);
    public static readonly TestUser SupervisorHealth = new("it-sup-health", Roles.Supervisor, "dept-health");
    public static readonly TestUser SupervisorCivil = new("it-sup-civil", Roles.Supervisor, "dept-civil-affairs");
    public static readonly TestUser SupervisorTaskForce = new("it-sup-tf", Roles.Supervisor, "task-force");
    public static readonly TestUser Leader = new("it-leader", Roles.Leader, "district");
    public static readonly TestUser Secretary = new("it-secretary", Roles.Secretary, "task-force");
    public static readonly TestUser Administrator = new("it-admin", Roles.Administrator, "task-force");
    public static readonly TestUser Inspector = new("it-inspector", Roles.Inspector, "supervision-office");
    public static readonly TestUser SupervisorTown = new("it-sup-town", Roles.Supervisor, "town-bicheng");
    // 家庭教育指导员: the sub-centre of area A (璧城), the sub-centre of area B (青杠), and the centre.
    public static readonly TestUser GuidanceA = new("it-guidance-a", Roles.GuidanceWorker, "fe-sub-bicheng");
    public static readonly TestUser GuidanceB = new("it-guidance-b", Roles.GuidanceWorker, "fe-sub-qinggang");
    public static readonly TestUser GuidanceCentre = new("it-guidance-centre", Roles.GuidanceWorker, "fe-centre");

    public static IReadOnlyList<TestUser> Everyone { get; } =
    [
        CaseworkerA, CaseworkerA2, CaseworkerB, SupervisorAreaA, SupervisorAreaB, SupervisorHealth, SupervisorCivil,
        SupervisorTaskForce, Leader, Secretary, Administrator, Inspector, SupervisorTown, GuidanceA, GuidanceB, GuidanceCentre,
    ];

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<BishanWebFactory, bool> Ready = [];

    /// <summary>Creates the users and publishes the shipped case workflows, once per app.</summary>
    public static async Task EnsureAsync(BishanWebFactory factory)
    {
        await Gate.WaitAsync();
        try
        {
            if (Ready.ContainsKey(factory)) return;
            using (var scope = factory.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
                foreach (var role in Roles.All)
                    if (!await roles.RoleExistsAsync(role))
                        Assert.True((await roles.CreateAsync(new IdentityRole(role))).Succeeded);
                foreach (var person in Everyone)
                {
                    var user = await users.FindByNameAsync(person.UserName);
                    if (user is null)
                    {
                        user = new AppUser { UserName = person.UserName, DisplayName = person.UserName, OrgUnitId = person.OrgUnitId };
                        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
                    }
                    if (!await users.IsInRoleAsync(user, person.Role))
                        Assert.True((await users.AddToRoleAsync(user, person.Role)).Succeeded);
                }
            }

            var admin = await factory.CreateAdminClientAsync();
            foreach (var file in new[] { "case-intake", "tiered-escalation", "exit-evaluation", "post-exit-follow-up", "subsidy-approval", "special-meeting", "special-report", "supervision", "guardianship-consultation", "family-education-referral" })
            {
                var json = await File.ReadAllTextAsync(Path.Combine(WorkflowsFolder, file + ".json"));
                await admin.ImportOkAsync(json);
            }
            Ready[factory] = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<HttpClient> ClientAsync(this BishanWebFactory factory, TestUser user)
    {
        await EnsureAsync(factory);
        return await factory.CreateClientAsync(user.UserName, Password);
    }

    public static async Task<string> UserIdAsync(this BishanWebFactory factory, TestUser user)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByNameAsync(user.UserName))!.Id;
    }

    /// <summary>Runs a query against the case tables directly, to check what the API did (or did not) change.</summary>
    public static async Task<T> QueryAsync<T>(this BishanWebFactory factory, Func<ICasesDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ICasesDbContext>());
    }

    private static int _sequence;
    private static readonly int Base = Random.Shared.Next(0, 500);

    /// <summary>A referral body for a fresh synthetic minor (unique name, valid ID number matching birth date and gender).</summary>
    public static JsonObject NewReferral(string orgUnitId, string? idNumber = null, string? name = null, string dateOfBirth = "2012-03-04",
        string gender = "Male")
    {
        var n = Interlocked.Increment(ref _sequence);
        var dob = DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture);
        idNumber ??= IdNumberFor(dob, gender == "Male", n);
        return new JsonObject
        {
            ["name"] = name ?? $"测试{Guid.NewGuid():N}"[..12],
            ["gender"] = gender,
            ["dateOfBirth"] = dateOfBirth,
            ["idNumber"] = idNumber,
            ["orgUnitId"] = orgUnitId,
            ["reason"] = "连续两周未到校。",
            ["suggestedAction"] = "DropoutPrevention",
            ["source"] = "班主任",
        };
    }

    public static string IdNumberFor(DateOnly dob, bool male, int sequence)
    {
        var orderDigit = (Base + sequence) % 500 * 2 + (male ? 1 : 0);
        var first17 = $"500227{dob:yyyyMMdd}{orderDigit:000}";
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

    /// <summary>Posts a referral and returns the new case id, asserting 201.</summary>
    public static async Task<(string CaseId, string InstanceId)> ReferAsync(this HttpClient client, JsonObject referral)
    {
        var response = await client.PostAsJsonAsync("/api/referrals", referral);
        var body = await response.ReadOkAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (body["caseId"]!.GetValue<string>(), body["workflowInstanceId"]!.GetValue<string>());
    }

    /// <summary>
    /// Refers a minor at <paramref name="school"/> through its caseworker and puts the file straight into the register
    /// (light, mental health, coordinated by <paramref name="coordinatingBody"/>), for facts about what happens afterwards.
    /// </summary>
    public static async Task<RegisteredCase> RegisteredCaseAsync(this BishanWebFactory factory, TestUser caseworker, string school,
        string coordinatingBody)
    {
        var client = await factory.ClientAsync(caseworker);
        var referral = NewReferral(school);
        var (caseId, instanceId) = await client.ReferAsync(referral);
        var task = await factory.OpenTaskAsync(caseId, instanceId);
        await factory.QueryAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == caseId);
            c.Status = CaseStatus.Registered;
            c.PrimaryAction = FiveAction.MentalHealth;
            c.Tier = Tier.Light;
            c.CoordinatingBodyId = coordinatingBody;
            c.CarriedOutById = coordinatingBody;
            c.RegistrationCount = 1;
            c.RegisteredAtUtc = DateTime.UtcNow;
            db.CaseRegistrations.Add(new Bishan.Workflow.Cases.Model.CaseRegistration
            {
                CaseId = caseId, Number = 1, PrimaryAction = FiveAction.MentalHealth, Tier = Tier.Light, RegisteredAtUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        return new RegisteredCase(caseId, referral["name"]!.GetValue<string>(), referral["idNumber"]!.GetValue<string>(), task.Id, instanceId);
    }

    private static string WorkflowsFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Bishan.Workflow.sln")))
                    return Path.Combine(dir.FullName, "workflows");
            throw new DirectoryNotFoundException("The repository's workflows folder was not found above the test output.");
        }
    }
}

internal sealed record TestUser(string UserName, string Role, string OrgUnitId);

internal sealed record RegisteredCase(string CaseId, string Name, string IdNumber, string TaskId, string InstanceId);
