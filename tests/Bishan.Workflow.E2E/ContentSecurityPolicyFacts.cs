using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// The content-security policy (scripts only from this origin, no eval, no framing) lets Blazor Server, MudBlazor and
/// the designer's diagram work: the login page, the dashboard, a case file and the designer render with no violation
/// reported by the browser, and the page was really served under the policy.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class ContentSecurityPolicyFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task Dashboard_CaseFile_AndDesigner_RenderWithNoPolicyViolation() => RunAsync(async page =>
    {
        var violations = new List<string>();
        // The browser reports each blocked script, style, connection or eval on the console and as a DOM event.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) ||
                message.Text.Contains("Refused to", StringComparison.OrdinalIgnoreCase))
                violations.Add($"{page.Url}: {message.Text}");
        };
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        var policies = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document" && response.Headers.TryGetValue("content-security-policy", out var policy))
                policies.Add(policy);
        };

        await SignInAsync(page, "/");
        await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();

        await page.GotoAsync("/cases");
        await WaitForCircuitAsync(page);
        await page.Locator("[data-testid=case-link]").First.ClickAsync();
        await page.WaitForURLAsync("**/cases/*");
        await Assertions.Expect(page.Locator("[data-testid=file-status]")).ToBeVisibleAsync();

        await page.GotoAsync("/designer/case-intake");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=designer-title]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diagram-canvas")).ToBeVisibleAsync();
        // The diagram's nodes are drawn by its script modules: they render only if those scripts ran.
        await Assertions.Expect(page.Locator(".diagram-node").First).ToBeVisibleAsync();

        Assert.NotEmpty(policies);
        Assert.All(policies, p =>
        {
            Assert.Contains("script-src 'self';", p, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", p, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", p, StringComparison.Ordinal);
        });
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    });
}
