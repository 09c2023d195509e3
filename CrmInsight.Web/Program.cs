using CrmInsight.Web.Cli;
using CrmInsight.Web.Hosting;

// "dotnet run --project CrmInsight.Web -- generate-demo ..." and other commands run and exit.
if (await CommandLine.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

// "--simulate" streams live demo events (orders, tickets, surveys, campaign responses).
var builder = WebApplication.CreateBuilder([.. args.Select(a => a == "--simulate" ? "--Simulator:Enabled=true" : a)]);
builder.AddCrmInsight();
var app = builder.Build();
app.UseCrmInsight();
await app.RunAsync();
// Non-zero when the app stopped itself, e.g. because another process holds the database file.
return Environment.ExitCode;

/// <summary>The entry point, visible to the in-process test server.</summary>
public partial class Program;
