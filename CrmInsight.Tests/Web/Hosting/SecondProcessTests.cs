using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Hosting;

namespace CrmInsight.Tests.Web.Hosting;

public sealed class SecondProcessTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));

    public SecondProcessTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task A_second_web_process_on_a_held_file_exits_non_zero_with_a_plain_message()
    {
        var path = Path.Combine(_folder, "held.duckdb");
        // This process holds the file, as a running dashboard does.
        await using var held = new DuckDbDatabase(path, createIfMissing: true);
        await SchemaInstaller.InstallAsync(held, SqlCatalog.Default);

        using var second = ChildProcess.StartDotnet(ChildProcess.WebAssembly, ["--urls", "http://127.0.0.1:0", $"--Storage:DuckDbPath={path}"]);
        var exit = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(DatabaseInitializer.LockedExitCode, exit);
        Assert.Contains($"CrmInsight cannot start: The database file {path} is in use by another process", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", second.Output, StringComparison.Ordinal); // no stack trace
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
