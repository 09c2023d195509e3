using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Cli;

namespace CrmInsight.Tests.Web.Cli;

public sealed class GenerateDemoCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));

    public GenerateDemoCommandTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Creates_a_database_of_the_asked_size_and_reports_it()
    {
        var path = Path.Combine(_folder, "bench.duckdb");
        using var output = new StringWriter();

        var exit = await CommandLine.TryRunAsync(["generate-demo", "--database", path, "--orders", "20000"], output, TextWriter.Null, PinnedDays.Frozen());

        Assert.Equal(0, exit);
        Assert.True(File.Exists(path));
        Assert.False(File.Exists(path + ".creating"), "the file is built under a temporary name and renamed when complete");
        Assert.Contains("2,000 customers", output.ToString(), StringComparison.Ordinal); // a tenth of the orders
        Assert.Contains("Done in", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_to_overwrite_without_force()
    {
        var path = Path.Combine(_folder, "existing.duckdb");
        await File.WriteAllTextAsync(path, "not a database");
        using var error = new StringWriter();

        var exit = await CommandLine.TryRunAsync(["generate-demo", "--database", path, "--orders", "20000"], TextWriter.Null, error, PinnedDays.Frozen());

        Assert.Equal(2, exit);
        Assert.Contains("--force", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("not a database", await File.ReadAllTextAsync(path));
    }

    [Theory]
    [InlineData("--orders", "many", "--orders must be a whole number")]
    [InlineData("--colour", "blue", "Unknown argument '--colour'")]
    [InlineData("--orders", "10", "Demo:Orders must be between")]
    public async Task Bad_arguments_get_a_message_and_usage(string name, string value, string message)
    {
        using var error = new StringWriter();

        var exit = await CommandLine.TryRunAsync(["generate-demo", name, value, "--database", Path.Combine(_folder, "x.duckdb")], TextWriter.Null, error, PinnedDays.Frozen());

        Assert.Equal(2, exit);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage:", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "x.duckdb")));
    }

    [Fact]
    public async Task Anything_else_starts_the_server() =>
        Assert.Null(await CommandLine.TryRunAsync(["--Storage:DuckDbPath=x.duckdb"], TextWriter.Null, TextWriter.Null, PinnedDays.Frozen()));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
