using CrmInsight.Tests.TestSupport;
using System.Diagnostics;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.Domain.Import;
using CrmInsight.Web.Cli;
using Dapper;

namespace CrmInsight.Tests.Web.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));

    public ImportCommandTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Imports_into_a_new_empty_database_and_prints_the_summary()
    {
        var csv = await WriteAsync("retail.csv", OrderLineImportTests.Retail);
        var path = Path.Combine(_folder, "new.duckdb");
        using var output = new StringWriter();

        var exit = await CommandLine.TryRunAsync(["import", "order-lines", csv, "--map", OrderLineImportTests.Map, "--database", path], output, TextWriter.Null, PinnedDays.Frozen());

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("creating an empty database", text, StringComparison.Ordinal);
        Assert.Contains("Lines read: 10; imported: 6; rejected: 4; orders created: 3; returned lines: 2; customers created: 2", text, StringComparison.Ordinal);
        Assert.Contains("line 6: quantity is 0", text, StringComparison.Ordinal);
        Assert.Contains("rejected, quantity is 0: 1", text, StringComparison.Ordinal);
        await using var database = new DuckDbDatabase(path);
        await using var connection = await database.OpenConnectionAsync();
        Assert.Equal(1031.35m, await connection.ExecuteScalarAsync<decimal>("SELECT SUM(revenue) FROM fact_order"));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_ticket")); // no demo data
    }

    [Fact]
    public async Task Strict_refuses_the_file_and_exits_with_1()
    {
        var csv = await WriteAsync("retail.csv", OrderLineImportTests.Retail);
        var path = Path.Combine(_folder, "strict.duckdb");
        using var output = new StringWriter();

        var exit = await CommandLine.TryRunAsync(["import", "order-lines", csv, "--map", OrderLineImportTests.Map, "--database", path, "--strict"], output, TextWriter.Null, PinnedDays.Frozen());

        Assert.Equal(1, exit);
        Assert.Contains("Nothing was written", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--map", "order=InvoiceNo,colour=Red", "Unknown field 'colour'")]
    [InlineData("--map", "order=InvoiceNo", "Required field 'date' is not mapped")]
    [InlineData("--culture", "xx-NOPE", "--culture 'xx-NOPE' is not a known culture")]
    [InlineData("--speed", "fast", "Unknown argument '--speed'")]
    public async Task Bad_arguments_get_a_message_and_usage(string name, string value, string message)
    {
        var csv = await WriteAsync("retail.csv", OrderLineImportTests.Retail);
        string[] args = name == "--map"
            ? ["import", "order-lines", csv, name, value]
            : ["import", "order-lines", csv, "--map", OrderLineImportTests.Map, name, value];
        using var error = new StringWriter();

        var exit = await CommandLine.TryRunAsync([.. args, "--database", Path.Combine(_folder, "x.duckdb")], TextWriter.Null, error, PinnedDays.Frozen());

        Assert.Equal(2, exit);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "x.duckdb")));
    }

    [Fact]
    public async Task A_missing_file_is_named_and_no_database_is_created()
    {
        var path = Path.Combine(_folder, "none.duckdb");
        using var error = new StringWriter();

        var exit = await CommandLine.TryRunAsync(["import", "tickets", Path.Combine(_folder, "nope.csv"), "--map", "id=Id,submitted=Opened,channel=Via", "--database", path], TextWriter.Null, error, PinnedDays.Frozen());

        Assert.Equal(1, exit);
        Assert.Contains("nope.csv does not exist", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_database_held_by_another_process_is_named_and_the_import_page_suggested()
    {
        var csv = await WriteAsync("retail.csv", OrderLineImportTests.Retail);
        var path = Path.Combine(_folder, "held.duckdb");
        await using var held = new DuckDbDatabase(path, createIfMissing: true);
        await SchemaInstaller.InstallAsync(held, CrmInsight.Domain.Sql.SqlCatalog.Default);

        // A second process, as when the dashboard holds the file and the command is run beside it.
        var web = typeof(CommandLine).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { web, "import", "order-lines", csv, "--map", OrderLineImportTests.Map, "--database", path })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("most likely the dashboard is running on it", error, StringComparison.Ordinal);
        Assert.Contains("Import page (/import)", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}
