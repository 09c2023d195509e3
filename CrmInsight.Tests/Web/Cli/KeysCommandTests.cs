using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Cli;

namespace CrmInsight.Tests.Web.Cli;

public sealed class KeysCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));
    private readonly string _database;

    public KeysCommandTests()
    {
        Directory.CreateDirectory(_folder);
        _database = Path.Combine(_folder, "keys.duckdb");
    }

    private static async Task<(int? Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.TryRunAsync(args, output, error, PinnedDays.Frozen());
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Create_prints_the_key_once_list_shows_only_its_prefix_and_revoke_marks_it()
    {
        Assert.Equal(0, (await RunAsync("generate-demo", "--database", _database, "--orders", "2000", "--customers", "200")).Exit);

        var created = await RunAsync("keys", "create", "--kind", "display", "--name", "Lobby TV", "--database", _database);
        var secret = created.Output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("cik_dsp_", StringComparison.Ordinal));
        var listed = await RunAsync("keys", "list", "--database", _database);
        var revoked = await RunAsync("keys", "revoke", "1", "--database", _database);
        var listedAfter = await RunAsync("keys", "list", "--database", _database);

        Assert.Equal(0, created.Exit);
        Assert.Contains("/wall?key=" + secret, created.Output, StringComparison.Ordinal);
        Assert.Contains("Lobby TV", listed.Output, StringComparison.Ordinal);
        Assert.Contains(secret[..12], listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.Output, StringComparison.Ordinal);
        Assert.Equal(0, revoked.Exit);
        Assert.Contains("REVOKED", listedAfter.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("create --kind robot --name x", "--kind must be api, read or display")]
    [InlineData("create --kind api", "--name must name")]
    [InlineData("rotate", "Usage:")]
    [InlineData("revoke abc", "needs the key's number")]
    public async Task Bad_arguments_get_a_message(string args, string message)
    {
        Assert.Equal(0, (await RunAsync("generate-demo", "--database", _database, "--orders", "2000", "--customers", "200")).Exit);

        var (exit, _, error) = await RunAsync(["keys", .. args.Split(' '), "--database", _database]);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_is_named_not_created()
    {
        var missing = Path.Combine(_folder, "none.duckdb");

        var (exit, _, error) = await RunAsync("keys", "list", "--database", missing);

        Assert.Equal(1, exit);
        Assert.Contains("no database", error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
