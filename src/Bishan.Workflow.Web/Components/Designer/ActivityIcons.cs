using MudBlazor;

namespace Bishan.Workflow.Web.Components.Designer;

/// <summary>A type icon per activity, by type first and category second, so that new activities get a sensible one.</summary>
internal static class ActivityIcons
{
    public static string For(string type, string? category) => type switch
    {
        "Elsa.Start" => Icons.Material.Filled.PlayCircle,
        "Elsa.End" or "Elsa.Finish" => Icons.Material.Filled.StopCircle,
        "Elsa.FlowDecision" or "Elsa.If" => Icons.Material.Filled.CallSplit,
        "Elsa.Fork" => Icons.Material.Filled.ForkRight,
        "Elsa.FlowJoin" => Icons.Material.Filled.MergeType,
        "Elsa.Cron" or "Elsa.Timer" or "Elsa.StartAt" => Icons.Material.Filled.Schedule,
        "Elsa.Delay" => Icons.Material.Filled.HourglassBottom,
        "Elsa.Event" or "Elsa.PublishEvent" => Icons.Material.Filled.Bolt,
        "Elsa.SetVariable" => Icons.Material.Filled.DataObject,
        "Elsa.RunJavaScript" => Icons.Material.Filled.Code,
        "Elsa.WriteLine" => Icons.Material.Filled.Notes,
        "Bishan.UserTask" => Icons.Material.Filled.AssignmentInd,
        "Bishan.Approval" => Icons.Material.Filled.FactCheck,
        "Bishan.Notify" => Icons.Material.Filled.NotificationsActive,
        _ => category switch
        {
            "Flow" => Icons.Material.Filled.AccountTree,
            "Scheduling" => Icons.Material.Filled.Schedule,
            "Scripting" => Icons.Material.Filled.Code,
            "Primitives" => Icons.Material.Filled.Memory,
            _ when type.StartsWith("Bishan.", StringComparison.Ordinal) => Icons.Material.Filled.FolderShared,
            _ => Icons.Material.Filled.Extension,
        },
    };
}
