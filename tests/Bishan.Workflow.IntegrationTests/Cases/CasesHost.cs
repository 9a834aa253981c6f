using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.DemoData;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Bishan.Workflow.IntegrationTests.Persistence;
using Bishan.Workflow.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bishan.Workflow.IntegrationTests.Cases;

/// <summary>
/// The stored runtime with the case domain on a real database of the selected provider (<see cref="TestDatabase"/>): the shipped workflows published, the demo users
/// in their roles and units, a fake clock. Tasks are completed the way the API will: resume the task's bookmark with
/// a <see cref="TaskSubmission"/>.
/// </summary>
internal sealed class CasesHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private CasesHost(TestDatabase database)
    {
        _database = database;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IWorkflowScheduler>(Scheduler);
        services.AddWorkflowPersistence(database.Options);
        services.AddWorkflowRuntime(typeof(UserTaskActivity).Assembly);
        services.AddCasesInfrastructure();
        // Retention on the fake clock; backups are the web host's (no files here).
        services.AddMaintenance(new Bishan.Workflow.Cases.Retention.RetentionOptions(),
            new Bishan.Workflow.Infrastructure.Maintenance.BackupOptions("", 1, "0 0 * * *", database.Options.Provider, null, null));
        _services = services.BuildServiceProvider();
    }

    /// <summary>Monday 2 March 2026, 09:00 in Bishan.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public RecordingScheduler Scheduler { get; } = new();
    public IWorkflowRuntime Runtime => _services.GetRequiredService<IWorkflowRuntime>();
    public IWorkflowInstanceQueries Instances => _services.GetRequiredService<IWorkflowInstanceQueries>();
    public IServiceProvider Services => _services;

    /// <summary>Published version by definition id.</summary>
    public Dictionary<string, int> Versions { get; } = [];

    /// <summary>User ids by demo user name.</summary>
    public Dictionary<string, string> Users { get; } = [];

    public static async Task<CasesHost> StartAsync(params string[] workflows)
    {
        var host = new CasesHost(await TestDatabase.CreateAsync("bishan-cases"));
        await host._services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await host.SeedUsersAsync();
        var definitions = host._services.GetRequiredService<IWorkflowDefinitionService>();
        foreach (var id in workflows)
        {
            var result = await definitions.ImportAsync(await File.ReadAllTextAsync(WorkflowFile(id)), publish: true, "test");
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            host.Versions[id] = result.Version ?? 0;
        }
        return host;
    }

    public async Task<T> QueryAsync<T>(Func<BishanDbContext, Task<T>> query)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<BishanDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async Task ExecuteAsync(Func<BishanDbContext, Task> action)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<BishanDbContext>>().CreateDbContextAsync();
        await action(db);
        await db.SaveChangesAsync();
    }

    /// <summary>A referred case at <paramref name="orgUnitId"/>, as the referral use case will create it.</summary>
    public async Task<Case> CreateCaseAsync(string orgUnitId = "school-bishan-middle", string? caseworker = "caseworker", FiveAction? suggested = FiveAction.MentalHealth)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var @case = new Case
        {
            Id = Guid.NewGuid().ToString("N"),
            FileNumber = $"BS-2026-{Interlocked.Increment(ref _fileSequence):0000}",
            Name = "王小明",
            Gender = Gender.Male,
            DateOfBirth = new DateOnly(2012, 5, 1),
            OrgUnitId = orgUnitId,
            AreaId = Bishan.Workflow.Cases.Organisation.OrgUnitSeed.Tree.AreaOf(orgUnitId)!,
            Status = CaseStatus.Referred,
            SuggestedAction = suggested,
            CaseworkerUserId = caseworker is null ? null : Users[caseworker],
            ReferralReason = "长期厌学，情绪低落。",
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        await ExecuteAsync(db =>
        {
            db.Cases.Add(@case);
            return Task.CompletedTask;
        });
        return @case;
    }

    private int _fileSequence;

    /// <summary>Starts case-intake for the case the way a referral does: <c>caseId</c> input and the case id as correlation id.</summary>
    public Task<InstanceSummary> StartIntakeAsync(Case @case) =>
        Runtime.StartAsync("case-intake", new Dictionary<string, JsonNode?> { ["caseId"] = @case.Id }, @case.Id);

    public Task<Case> CaseAsync(string id) => QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));

    public Task<List<WorkTask>> OpenTasksAsync(string caseId) =>
        QueryAsync(db => db.WorkTasks.AsNoTracking().Where(t => t.CaseId == caseId && t.Status == WorkTaskStatus.Open).ToListAsync());

    public async Task<WorkTask> OpenTaskAsync(string caseId, string kind) =>
        Assert.Single(await OpenTasksAsync(caseId), t => t.Kind == kind);

    public Task<List<TimelineEntry>> TimelineAsync(string caseId) =>
        QueryAsync(db => db.TimelineEntries.AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.Id).ToListAsync());

    /// <summary>Completes a task as its user would through the API: resume its bookmark with the submission.</summary>
    public async Task<ResumeResult> CompleteAsync(WorkTask task, string outcome, JsonObject? data = null, string? comment = null, string? user = null)
    {
        var userId = user is null ? task.AssigneeUserId : Users[user];
        var result = await Runtime.ResumeAsync(task.BookmarkId!, new TaskSubmission(outcome, data ?? [], comment, userId).ToJson());
        Assert.Equal(ResumeOutcome.Resumed, result.Outcome);
        return result;
    }

    /// <summary>Moves the clock past a timer bookmark of the instance and fires it, as the Hangfire job would.</summary>
    public async Task FireTimerAsync(string instanceId, string name = "Elsa.Delay")
    {
        var timer = await QueryAsync(db => db.WorkflowBookmarks.AsNoTracking()
            .Where(b => b.InstanceId == instanceId && b.Name == name && b.ResumeAtUtc != null && b.BurnedAtUtc == null).OrderBy(b => b.ResumeAtUtc).FirstAsync());
        var due = new DateTimeOffset(timer.ResumeAtUtc!.Value, TimeSpan.Zero);
        if (Time.GetUtcNow() < due) Time.SetUtcNow(due);
        Assert.Equal(ResumeOutcome.Resumed, (await Runtime.ResumeAsync(timer.Id, null)).Outcome);
    }

    private async Task SeedUsersAsync()
    {
        await ExecuteAsync(db =>
        {
            var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
            db.Roles.AddRange(roles.Values);
            foreach (var demo in DemoUsers.All)
            {
                var user = new AppUser
                {
                    UserName = demo.UserName,
                    NormalizedUserName = demo.UserName.ToUpperInvariant(),
                    DisplayName = demo.DisplayName,
                    OrgUnitId = demo.OrgUnitId,
                };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[demo.Role].Id });
                Users[demo.UserName] = user.Id;
            }
            return Task.CompletedTask;
        });
    }

    internal static string WorkflowFile(string definitionId)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bishan.Workflow.sln")))
                return Path.Combine(dir.FullName, "workflows", definitionId + ".json");
        throw new InvalidOperationException($"No Bishan.Workflow.sln above {AppContext.BaseDirectory}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
