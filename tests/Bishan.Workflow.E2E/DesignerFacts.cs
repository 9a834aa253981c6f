using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Bishan.Workflow.E2E;

/// <summary>The workflow designer (issue 5) in a real browser against the real app.</summary>
[Collection(AppCollection.Name)]
public sealed class DesignerFacts(AppFixture app, ITestOutputHelper output) : BrowserSession(app)
{
    [Fact]
    public Task InvalidEdit_ShowsItsErrorOnTheNode_AndBlocksPublishing() => RunAsync(async page =>
    {
        using var api = await ApiAsync();
        await ImportAsync(api, SmallWorkflow("e2e-designer-invalid"));
        await SignInAsync(page, "/designer/e2e-designer-invalid");
        var decide = Node(page, "decide");
        await Assertions.Expect(decide).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=designer-publish]")).ToBeEnabledAsync();

        // A JavaScript syntax error, typed into the decision's condition: shown under the field as you type, then on the node.
        await decide.Locator(".wf-node-title").ClickAsync();
        var condition = Field(page, "condition");
        await condition.FillAsync("getVariable(\"x\") > (");
        await Assertions.Expect(page.Locator("[data-testid=input-condition] .mud-input-error").First).ToBeVisibleAsync();
        await Assertions.Expect(decide.Locator("[data-testid=node-errors]")).ToContainTextAsync("condition");
        await Assertions.Expect(page.Locator("[data-testid=designer-publish]")).ToBeDisabledAsync();

        // The error list selects the node it names.
        await page.Locator(".mud-tab", new() { HasText = "错误" }).ClickAsync();
        await page.Locator("[data-testid=validation-error]").First.ClickAsync();
        await Assertions.Expect(decide).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));

        // Fixed again: the error goes and publishing is allowed.
        await page.Locator(".mud-tab", new() { HasText = "属性" }).ClickAsync();
        await Field(page, "condition").FillAsync("getVariable(\"x\") > 1");
        await Assertions.Expect(decide.Locator("[data-testid=node-errors]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=designer-publish]")).ToBeEnabledAsync();
    });

    [Fact]
    public Task GeneratedWorkflowOf200Nodes_OpensQuickly_AndAMovedNodeIsSaved() => RunAsync(async page =>
    {
        using var api = await ApiAsync();
        await ImportAsync(api, BigWorkflow("e2e-designer-big", 200, 250));
        await SignInAsync(page, "/designer");

        var sent = new List<int>();
        var received = new List<int>();
        page.WebSocket += (_, socket) =>
        {
            socket.FrameSent += (_, f) => { lock (sent) sent.AddRange(MessageSizes(f)); };
            socket.FrameReceived += (_, f) => { lock (received) received.AddRange(MessageSizes(f)); };
        };

        var watch = Stopwatch.StartNew();
        await page.GotoAsync("/designer/e2e-designer-big");
        await Assertions.Expect(page.Locator("[data-testid=wf-node]")).ToHaveCountAsync(200, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(250, new() { Timeout = 30_000 });
        var openMs = watch.ElapsedMilliseconds;
        int maxUp, maxDown, totalDown;
        lock (sent) lock (received) (maxUp, maxDown, totalDown) = (sent.DefaultIfEmpty().Max(), received.DefaultIfEmpty().Max(), received.Sum());
        output.WriteLine($"200 nodes / 250 links open: {openMs} ms (navigation to every node and link in the DOM); " +
                         $"SignalR messages up max {maxUp} B, down max {maxDown} B, down total {totalDown} B");

        // Move one node by dragging it: one small pointer message per step up, one node-and-links diff down.
        var node = Node(page, "n10");
        await Assertions.Expect(node).ToBeVisibleAsync();
        var box = (await node.Locator(".wf-node-title").BoundingBoxAsync())!;
        lock (sent) lock (received) { sent.Clear(); received.Clear(); }
        await page.Mouse.MoveAsync(box.X + 20, box.Y + 5);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + 80, box.Y + 65, new() { Steps = 6 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator("[data-testid=designer-dirty]")).ToBeVisibleAsync();
        lock (sent) lock (received)
            output.WriteLine($"Drag of one node: {sent.Count} messages up (max {sent.DefaultIfEmpty().Max()} B), " +
                             $"{received.Count} messages down (max {received.DefaultIfEmpty().Max()} B, total {received.Sum()} B)");

        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.Locator("[data-testid=designer-dirty]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=designer-version]")).ToHaveTextAsync("v2");

        var saved = JsonNode.Parse(await api.GetStringAsync("/api/workflow-definitions/e2e-designer-big?version=2"))!;
        var position = saved["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "n10")!["metadata"]!["designer"]!["position"]!;
        var (x0, y0) = BigPosition(10);
        Assert.InRange(position["x"]!.GetValue<double>(), x0 + 40, x0 + 80);
        Assert.InRange(position["y"]!.GetValue<double>(), y0 + 40, y0 + 80);
        Assert.True(openMs < 10_000, $"Opening took {openMs} ms.");
        Assert.True(maxUp < 32 * 1024, $"A message up was {maxUp} B, over the hub's receive limit.");
    });

    [Fact]
    public Task WeeklyConsultationCron_ChangedToTuesdayAndPublished_MovesTheRecurringJob() => RunAsync(async page =>
    {
        await SignInAsync(page, "/designer/weekly-consultation");
        Assert.Contains("0 0 9 * * SUN", await RecurringJobsPageAsync(page));

        await Node(page, "cron").Locator(".wf-node-title").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=cron-preview] li")).ToHaveCountAsync(5);
        await Field(page, "cronExpression").FillAsync("0 0 10 * * TUE");
        // The preview follows as you type: five Tuesdays at 10:00, Beijing time.
        var preview = page.Locator("[data-testid=cron-preview] li");
        await Assertions.Expect(preview.First).ToContainTextAsync("10:00");
        await Assertions.Expect(preview.First).ToContainTextAsync("周二");
        await Assertions.Expect(preview).ToHaveCountAsync(5);

        await page.ClickAsync("[data-testid=designer-publish]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已发布");
        await Assertions.Expect(page.Locator("[data-testid=designer-dirty]")).ToHaveCountAsync(0);

        // Hangfire's own dashboard (same admin cookie) lists the recurring job with the new schedule, not the old one.
        var recurring = await RecurringJobsPageAsync(page);
        Assert.Contains("0 0 10 * * TUE", recurring);
        Assert.DoesNotContain("0 0 9 * * SUN", recurring);
    });

    // ---- helpers ---------------------------------------------------------------------------------------

    private static async Task<string> RecurringJobsPageAsync(IPage page)
    {
        var response = await page.Context.APIRequest.GetAsync("/hangfire/recurring");
        Assert.Equal(200, response.Status);
        var html = await response.TextAsync();
        Assert.Contains("weekly-consultation", html);
        return html;
    }

    /// <summary>
    /// The sizes of the SignalR messages in one WebSocket frame. The browser's SignalR client batches queued messages into
    /// one frame, while the hub's MaximumReceiveMessageSize applies per message: Blazor's binary protocol prefixes each
    /// message with its length as a VarInt, which is read here.
    /// </summary>
    private static IEnumerable<int> MessageSizes(IWebSocketFrame frame)
    {
        if (frame.Binary is not { } bytes) return [Encoding.UTF8.GetByteCount(frame.Text ?? "")];
        var sizes = new List<int>();
        for (var i = 0; i < bytes.Length;)
        {
            int length = 0, shift = 0;
            byte b;
            do
            {
                b = bytes[i++];
                length |= (b & 0x7f) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0 && i < bytes.Length);
            sizes.Add(length);
            i += length;
        }
        return sizes;
    }

    private static ILocator Node(IPage page, string id) => page.Locator($"[data-testid=wf-node][data-activity-id='{id}']");

    private static ILocator Field(IPage page, string input) =>
        page.Locator($"input[data-testid=value-{input}], textarea[data-testid=value-{input}]").First;

    private async Task<HttpClient> ApiAsync()
    {
        var http = new HttpClient { BaseAddress = App.BaseAddress };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = AppFixture.AdminUserName, password = AppFixture.DemoPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task ImportAsync(HttpClient api, JsonObject definition)
    {
        var response = await api.PostAsync("/api/workflow-definitions/import?publish=true",
            new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Import failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static JsonObject Activity(string id, string type, double x, double y, JsonObject? inputs = null)
    {
        var activity = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["version"] = 1,
            ["name"] = id,
            ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = x, ["y"] = y } } },
        };
        foreach (var (name, value) in inputs ?? []) activity[name] = value?.DeepClone();
        return activity;
    }

    private static JsonObject Connection(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };

    private static JsonObject Input(string typeName, string syntax, string value) => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = syntax, ["value"] = value },
    };

    private static JsonObject Definition(string id, IEnumerable<JsonObject> activities, IEnumerable<JsonObject> connections) => new()
    {
        ["id"] = id + "-v1",
        ["definitionId"] = id,
        ["name"] = id,
        ["version"] = 1,
        ["variables"] = new JsonArray(new JsonObject { ["id"] = "x", ["name"] = "x", ["typeName"] = "Int32", ["isArray"] = false, ["value"] = "2" }),
        ["root"] = new JsonObject
        {
            ["id"] = "flowchart1",
            ["type"] = "Elsa.Flowchart",
            ["activities"] = new JsonArray([.. activities]),
            ["connections"] = new JsonArray([.. connections]),
        },
    };

    private static JsonObject SmallWorkflow(string id) => Definition(id,
    [
        Activity("start", "Elsa.Start", 0, 0),
        Activity("decide", "Elsa.FlowDecision", 260, 0, new JsonObject { ["condition"] = Input("Boolean", "JavaScript", "getVariable(\"x\") > 1") }),
        Activity("yes", "Elsa.WriteLine", 520, 0, new JsonObject { ["text"] = Input("String", "Literal", "yes") }),
        Activity("no", "Elsa.WriteLine", 520, 160, new JsonObject { ["text"] = Input("String", "Literal", "no") }),
    ],
    [Connection("start", "Done", "decide"), Connection("decide", "True", "yes"), Connection("decide", "False", "no")]);

    private static (double X, double Y) BigPosition(int i) => (i % 10 * 240, i / 10 * 150);

    /// <summary>A start and <c>nodes - 1</c> write-lines in a chain, plus forward links until there are <c>links</c> connections.</summary>
    private static JsonObject BigWorkflow(string id, int nodes, int links)
    {
        var activities = new List<JsonObject> { Activity("n0", "Elsa.Start", 0, 0) };
        for (var i = 1; i < nodes; i++)
        {
            var (x, y) = BigPosition(i);
            activities.Add(Activity($"n{i}", "Elsa.WriteLine", x, y, new JsonObject { ["text"] = Input("String", "Literal", $"step {i}") }));
        }
        var connections = Enumerable.Range(0, nodes - 1).Select(i => Connection($"n{i}", "Done", $"n{i + 1}")).ToList();
        for (var i = 0; connections.Count < links; i += 3)
            connections.Add(Connection($"n{i}", "Done", $"n{Math.Min(i + 7, nodes - 1)}"));
        return Definition(id, activities, connections);
    }
}
