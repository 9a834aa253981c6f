using Bishan.Workflow.Web.Components.Designer;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.Web.Tests.Designer;

/// <summary>The generated property editors: cron preview, syntax errors while typing, dropdowns from options.</summary>
public sealed class PropertyEditorFacts : UiTestContext
{
    // A Saturday; the weekly consultation runs on Sundays at 09:00 Beijing time.
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The editors debounce typing (250 ms); on a loaded 2-core machine the render after it can take a while.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public PropertyEditorFacts() => Services.AddSingleton<TimeProvider>(new FixedTime(Now));

    [Fact]
    public async Task CronEditor_PreviewsTheNextFiveRunsInShanghai_AndFollowsAnEdit()
    {
        var session = DesignerTestData.Session("weekly-consultation");
        var cronId = session.Activities.First(a => a.Type == "Elsa.Cron").Id;
        var cut = Render<InputEditor>(p => p
            .Add(x => x.Session, session).Add(x => x.ActivityId, cronId)
            .Add(x => x.Input, DesignerTestData.Registry.Find("Elsa.Cron")!.Inputs.Single(i => i.Name == "cronExpression")));

        var items = cut.FindAll("[data-testid=cron-preview] li");
        Assert.Equal(5, items.Count);
        Assert.Contains("2026-11-29", items[0].TextContent);
        Assert.Contains("09:00", items[0].TextContent);
        Assert.Contains("2026-12-27", items[4].TextContent);

        await InputAsync(cut, Field("cronExpression"), "0 0 10 * * TUE");
        cut.WaitForAssertion(() =>
        {
            var first = cut.FindAll("[data-testid=cron-preview] li")[0].TextContent;
            Assert.Contains("2026-12-01", first);
            Assert.Contains("10:00", first);
        }, Settle);
        Assert.Equal("0 0 10 * * TUE", session.Activity(cronId)!["cronExpression"]!["expression"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task CronEditor_ShowsTheParseError_InsteadOfAPreview()
    {
        var session = DesignerTestData.Session("weekly-consultation");
        var cronId = session.Activities.First(a => a.Type == "Elsa.Cron").Id;
        var cut = Render<InputEditor>(p => p
            .Add(x => x.Session, session).Add(x => x.ActivityId, cronId)
            .Add(x => x.Input, DesignerTestData.Registry.Find("Elsa.Cron")!.Inputs.Single(i => i.Name == "cronExpression")));

        await InputAsync(cut, Field("cronExpression"), "0 0 25 * * TUE");
        cut.WaitForAssertion(() => Assert.Contains("cron", cut.Find(".mud-input-error").TextContent, StringComparison.OrdinalIgnoreCase), Settle);
        Assert.Empty(cut.FindAll("[data-testid=cron-preview]"));
        Assert.NotEmpty(session.ErrorsOf(cronId));
    }

    [Fact]
    public async Task JavaScriptInput_ShowsTheSyntaxErrorWhileTyping_AndTheNodeGetsIt()
    {
        var session = DesignerTestData.Session("case-intake");
        var cut = Render<InputEditor>(p => p
            .Add(x => x.Session, session).Add(x => x.ActivityId, "check-proposal")
            .Add(x => x.Input, DesignerTestData.Registry.Find("Elsa.FlowDecision")!.Inputs.Single(i => i.Name == "condition")));
        Assert.Empty(cut.FindAll(".mud-input-error"));

        await InputAsync(cut, Field("condition"), "!!(getVariable(\"proposedAction\"");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mud-input-error")), Settle);
        Assert.Contains(session.ErrorsOf("check-proposal"), e => e.Message.Contains("condition", StringComparison.Ordinal));
    }

    [Fact]
    public void DropdownInput_OffersTheDescriptorsOptions_AndChecksLiterals()
    {
        var session = DesignerTestData.Session("case-intake");
        var subject = DesignerTestData.Registry.Find("Bishan.Approval")!.Inputs.Single(i => i.Name == "subject");
        var cut = Render<InputEditor>(p => p
            .Add(x => x.Session, session).Add(x => x.ActivityId, "approve-registration").Add(x => x.Input, subject));

        // The value shows in the dropdown's combobox; the options are the descriptor's.
        var combobox = cut.Find("[data-testid=value-subject]");
        Assert.Equal("combobox", combobox.GetAttribute("role"));
        Assert.Equal("Registration", combobox.TextContent.Trim());
        Assert.Contains("Registration", subject.Options!);
        Assert.Null(DesignerInputChecks.Error(subject, "Literal", subject.Options![1]));
        Assert.NotNull(DesignerInputChecks.Error(subject, "Literal", "somebody"));
    }

    /// <summary>The text box of an input's editor (MudBlazor puts the test id on the input element or on its wrapper).</summary>
    private static string Field(string input) =>
        $"input[data-testid=value-{input}], textarea[data-testid=value-{input}], [data-testid=value-{input}] input, [data-testid=value-{input}] textarea";

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
