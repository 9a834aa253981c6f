using Bishan.Workflow.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddWebHost();

var app = builder.Build();
app.MapWebHost();
app.Run();

/// <summary>Visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the integration tests.</summary>
public partial class Program;
