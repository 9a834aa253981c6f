using Bishan.Workflow.Web.Components.Designer;
using Microsoft.AspNetCore.Components;

namespace Bishan.Workflow.Web.Tests.Designer;

/// <summary>The workflow's variables in the designer's side panel: shown whole, added, renamed and removed as edits.</summary>
public sealed class VariablesEditorFacts : UiTestContext
{
    [Fact]
    public void ShowsEveryVariable_WithItsWholeName()
    {
        var session = DesignerTestData.Session("case-intake");
        var cut = Render<VariablesEditor>(p => p.Add(x => x.Session, session));

        var names = cut.FindAll("[data-testid=variable-name] input, input[data-testid=variable-name]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(session.Variables().Select(v => v.Name), names);
        Assert.Contains("proposedAction", names);
    }

    [Fact]
    public async Task AddingRenamingAndRemoving_WriteTheDefinitionsVariables()
    {
        var session = DesignerTestData.Session("case-intake");
        var before = session.Variables().Count;
        var cut = Render<VariablesEditor>(p => p.Add(x => x.Session, session));

        await ClickAsync(cut, "[data-testid=add-variable]");
        Assert.Equal(before + 1, session.Variables().Count);
        Assert.True(session.IsDirty);

        var added = cut.FindAll("[data-testid=variable-name] input, input[data-testid=variable-name]")[before];
        await cut.InvokeAsync(() => added.ChangeAsync(new ChangeEventArgs { Value = "homeVisitDate" }));
        Assert.Equal(("homeVisitDate", "String"), (session.Variables()[before].Name, session.Variables()[before].TypeName));

        await ClickAsync(cut, "[data-testid=variable] button[aria-label]", before);
        Assert.Equal(before, session.Variables().Count);
        Assert.DoesNotContain(session.Variables(), v => v.Name == "homeVisitDate");
    }
}
