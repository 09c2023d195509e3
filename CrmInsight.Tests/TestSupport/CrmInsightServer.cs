using CrmInsight.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// The real app in-process, on a database file of its own. With <see cref="DatabasePath"/>
/// missing, the app creates it on start like a first run (with a small demo company).
/// </summary>
public class CrmInsightServer : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));

    public CrmInsightServer()
    {
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "app.duckdb");
    }

    public string DatabasePath { get; }

    /// <summary>Demo size created on first start; small so tests start in about a second.</summary>
    protected virtual (int Customers, int Orders) DemoSize => (1_500, 15_000);

    public DatabaseReadiness Readiness => Services.GetRequiredService<DatabaseReadiness>();

    /// <summary>Waits until the app reports the database ready (or failed).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        _ = Services; // builds and starts the host
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (Readiness.State == DatabaseState.Starting && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.True(Readiness.IsReady, $"Database not ready: {Readiness.State} {Readiness.Message}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DuckDbPath", DatabasePath);
        builder.UseSetting("Storage:DuckDbMemoryLimit", "1GB");
        builder.UseSetting("Demo:Customers", DemoSize.Customers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Orders", DemoSize.Orders.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
