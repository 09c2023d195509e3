
namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// The <c>dotnet publish</c> output of CrmInsight.Web, published once per test run into a temporary
/// folder (from the build the tests already made: <c>--no-build</c>), started as its own process in
/// the Production environment on 127.0.0.1 with a small demo database of its own.
/// </summary>
public sealed class PublishedApp : IAsyncDisposable
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));
    private ChildProcess? _process;

    public Uri BaseAddress { get; private set; } = null!;

    public string Output => _process?.Output ?? "";

    public static async Task<PublishedApp> StartAsync(params string[] settings)
    {
        var app = new PublishedApp();
        var folder = await Published.Value;
        Directory.CreateDirectory(app._folder);
        app._process = ChildProcess.StartDotnet(
            Path.Combine(folder, "CrmInsight.Web.dll"),
            ["--urls", "http://127.0.0.1:0", $"--Storage:DuckDbPath={Path.Combine(app._folder, "app.duckdb")}", "--Demo:Orders=5000", "--Demo:Customers=500", .. settings],
            workingDirectory: folder);
        app.BaseAddress = await app._process.WaitUntilServingAsync(TimeSpan.FromSeconds(120));
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
            _process.Dispose();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<string> PublishAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var output = Path.Combine(Path.GetTempPath(), "crminsight-tests", "publish-" + Guid.NewGuid().ToString("N"));
        var project = Path.Combine(RepositoryPaths.Root, "CrmInsight.Web", "CrmInsight.Web.csproj");
        using var publish = ChildProcess.Start("dotnet", ["publish", project, "-c", configuration, "--no-build", "-o", output, "-nologo", "-v", "quiet"]);
        var exit = await publish.WaitForExitAsync(TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, $"dotnet publish failed ({exit}):\n{publish.Output}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(output, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return output;
    }
}
