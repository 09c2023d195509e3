using CrmInsight.Domain.Aggregates;
using CrmInsight.Domain.Demo;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Web.Security;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Hosting;

/// <summary>
/// Opens the database when the app starts. A DuckDB file that does not exist yet is created
/// first, with the demo company unless <c>Demo:Enabled</c> is false; a database without users
/// gets its first admin. Runs in the background
/// so the server answers (with progress and 503 from /healthz) while it works. A file another
/// process holds ends this process with <see cref="LockedExitCode"/> and a plain message: a second
/// dashboard on the same file could never serve anything.
/// </summary>
public sealed class DatabaseInitializer(
    ICrmDatabase database,
    PreAggregates aggregates,
    IOptions<DemoOptions> demo,
    DatabaseReadiness readiness,
    InitialAdmin initialAdmin,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DatabaseInitializer> logger) : BackgroundService
{
    public const int LockedExitCode = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (database is DuckDbDatabase duck && !duck.FileExists)
            {
                await CreateAsync(duck.FilePath, stoppingToken);
            }
            readiness.Report("Checking the schema");
            await SchemaInstaller.InstallAsync(database, SqlCatalog.Default, stoppingToken);
            readiness.Report("Checking the pre-aggregates");
            if (await aggregates.EnsureBuiltAsync(database, stoppingToken))
            {
                logger.LogInformation("Built the pre-aggregates of a database that had none");
            }
            await initialAdmin.EnsureAsync(stoppingToken);
            readiness.MarkReady();
            logger.LogInformation("Database ready: {Database}", database.Description);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before the database was ready.
        }
        catch (DatabaseLockedException ex)
        {
            logger.LogCritical("{Message} Stopping.", ex.Message);
            await Console.Error.WriteLineAsync($"CrmInsight cannot start: {ex.Message}");
            readiness.Fail(ex.Message);
            Environment.ExitCode = LockedExitCode;
            // Stopping while the server is still starting would cancel its start with an
            // exception; stop once it has started (at once if it already has).
            lifetime.ApplicationStarted.Register(lifetime.StopApplication);
        }
        catch (Exception ex)
        {
            // The details go to the log; the pages say what happened without the exception's text.
            logger.LogError(ex, "The database could not be opened: {Database}", database.Description);
            readiness.Fail($"The database could not be opened ({database.Description}); the server log has the details.");
        }
    }

    private async Task CreateAsync(string path, CancellationToken stoppingToken)
    {
        var options = demo.Value;
        if (options.Enabled)
        {
            logger.LogInformation("Creating {Path} with demo data: {Customers:N0} customers, about {Orders:N0} orders over {Years} years",
                path, options.Customers, options.Orders, options.Years);
        }
        else
        {
            logger.LogInformation("Creating an empty database at {Path} (Demo:Enabled is false)", path);
        }
        readiness.Report(options.Enabled ? "Generating demo data" : "Creating an empty database");
        // Generation is CPU-bound; keep it off the request threads.
        var summary = await Task.Run(
            () => DuckDbFileCreator.CreateAsync(path, options.Enabled ? options : null, time, Progress, stoppingToken),
            stoppingToken);
        if (summary is not null)
        {
            logger.LogInformation(
                "Demo data ready in {Seconds:F1} s: {Orders:N0} orders, {Tickets:N0} tickets, {Surveys:N0} surveys, {Touches:N0} campaign touches",
                summary.Elapsed.TotalSeconds, summary.Orders, summary.Tickets, summary.Surveys, summary.Touches);
        }
    }

    private void Progress(string message)
    {
        logger.LogInformation("{Progress}", message);
        readiness.Report(message);
    }
}
