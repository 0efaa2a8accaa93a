using ExercisePlanner.Web;

var builder = WebApplication.CreateBuilder(args).AddPlannerWeb();
var app = builder.Build();
await app.UsePlannerWebAsync();
await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
