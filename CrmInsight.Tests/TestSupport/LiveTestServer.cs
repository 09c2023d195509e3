using CrmInsight.Domain.Storage;
using CrmInsight.Web.Cli;
using CrmInsight.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// The app with fast live settings (poll every 250 ms, stale after 2 s, failed loads retried at
/// most 2 s apart, key checks every second, disconnected circuits kept 3 s) on a demo database the test can pull away
/// (<see cref="Database"/>).
/// </summary>
public sealed class LiveTestServer : CrmInsightServer
{
    public LiveTestServer()
    {
        // The switchable wrapper hides the file from the app's first-start creation, so the
        // demo database is made here, as `generate-demo` makes it.
        var exit = CommandLine.TryRunAsync(["generate-demo", "--database", DatabasePath, "--orders", "15000", "--customers", "1500"], TextWriter.Null, TextWriter.Null, Clock)
            .GetAwaiter().GetResult();
        Assert.Equal(0, exit);
    }

    public SwitchableDatabase Database => Services.GetRequiredService<SwitchableDatabase>();

    /// <summary>The open circuits: a closed tab's circuit ends within the 3 s retention.</summary>
    public CircuitCounter Circuits { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Live:PollInterval", "00:00:00.250");
        builder.UseSetting("Live:StaleAfter", "00:00:02");
        builder.UseSetting("Live:RedrawInterval", "00:00:00.500");
        builder.UseSetting("Wall:KeyCheckInterval", "00:00:01");
        builder.UseSetting("Live:RetryMaxDelay", "00:00:02");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(sp => new SwitchableDatabase(CrmInsightServices.OpenDatabase(
                sp.GetRequiredService<IOptions<StorageOptions>>().Value, AppContext.BaseDirectory)));
            services.AddSingleton<ICrmDatabase>(sp => sp.GetRequiredService<SwitchableDatabase>());
            services.AddSingleton(Circuits);
            services.AddSingleton<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(Circuits);
            // A tab that vanishes without saying goodbye keeps its circuit this long (3 min by default).
            services.Configure<Microsoft.AspNetCore.Components.Server.CircuitOptions>(o => o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(3));
        });
    }
}

/// <summary>A browser against <see cref="LiveTestServer"/>.</summary>
public sealed class LiveBrowserFixture() : BrowserFixture(new LiveTestServer())
{
    public LiveTestServer Live => (LiveTestServer)Server;
}
