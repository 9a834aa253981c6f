using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Web.Extensions;

namespace Bishan.Workflow.Web.Startup;

/// <summary>
/// Publishes the shipped definitions (<c>Workflows:Path</c>, <c>*.json</c>) whose content changed since the last
/// start. One bad file is logged and skipped: it must not keep the other workflows, or the app, from starting.
/// </summary>
internal sealed partial class WorkflowFileLoader(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<WorkflowFileLoader> logger)
{
    public const string FolderName = "workflows";

    public async Task LoadAsync(CancellationToken ct)
    {
        var folder = ResolveFolder();
        if (folder is null)
        {
            LogNoFolder(logger);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<IWorkflowDefinitionService>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            try
            {
                var json = Utf8Text.Decode(await File.ReadAllBytesAsync(file, ct));
                var result = await definitions.ImportIfChangedAsync(json, "system", ct);
                if (result.Succeeded)
                    LogImported(logger, name, result.DefinitionId, result.Version, result.IsPublished);
                else
                    LogRefused(logger, name,
                        string.Join("; ", result.Errors.Select(e => e.ActivityId is null ? e.Message : $"{e.ActivityId}: {e.Message}")));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex, name);
            }
        }
    }

    /// <summary><c>Workflows:Path</c> from the current directory, else a <c>workflows</c> folder beside the solution above the content root.</summary>
    internal string? ResolveFolder()
    {
        var configured = Path.GetFullPath(configuration["Workflows:Path"] is { Length: > 0 } p ? p : FolderName);
        if (Directory.Exists(configured)) return configured;
        var root = RepositoryRoot.FindFrom(environment.ContentRootPath);
        var beside = root is null ? null : Path.Combine(root.FullName, FolderName);
        return beside is not null && Directory.Exists(beside) ? beside : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No workflows folder found; nothing to import")]
    private static partial void LogNoFolder(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File}: {DefinitionId} v{Version} (published: {Published})")]
    private static partial void LogImported(ILogger logger, string file, string? definitionId, int? version, bool published);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File} was not imported: {Errors}")]
    private static partial void LogRefused(ILogger logger, string file, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File} was not imported")]
    private static partial void LogFailed(ILogger logger, Exception exception, string file);
}
