using System.Globalization;
using System.Text;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Cli;
using Dapper;

namespace CrmInsight.Tests.Web.Faults;

/// <summary>
/// An import killed with SIGKILL (no chance to clean up, as in a crash or a power cut) leaves the
/// database as it was: after the file is opened again, no imported row and the same data version.
/// The import runs as its own process, the `import` command.
/// </summary>
public sealed class KilledImportTests : IDisposable
{
    private const int Lines = 300_000;
    private const string Map = "order=Invoice,customer=Customer,date=Date,quantity=Qty,price=Price";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));
    private readonly string _csv;

    public KilledImportTests()
    {
        Directory.CreateDirectory(_folder);
        _csv = Path.Combine(_folder, "orders.csv");
        // One invoice per line, each 1 × 1.00, all prefixed K- so they are easy to count.
        var text = new StringBuilder("Invoice,Customer,Date,Qty,Price\n", Lines * 40);
        for (var i = 0; i < Lines; i++)
        {
            text.Append("K-").Append(i.ToString(CultureInfo.InvariantCulture)).Append(",C-").Append((i % 5000).ToString(CultureInfo.InvariantCulture)).Append(",2024-03-01,1,1.00\n");
        }
        File.WriteAllText(_csv, text.ToString());
    }

    [Fact]
    public async Task Killed_halfway_through_reading_it_leaves_no_rows_and_the_same_data_version()
    {
        var path = await NewDatabaseAsync("halfway.duckdb");
        var before = await StateAsync(path);

        using (var import = StartImport(path))
        {
            Assert.True(await import.WaitForOutputAsync("read 100,000 lines", TimeSpan.FromSeconds(120)), import.Output);
            await import.KillAsync();
        }

        var after = await StateAsync(path);
        Assert.Equal(0, after.Imported);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.LastChange, after.LastChange);
        Assert.Equal(before.Customers, after.Customers); // customers the lines would have created are not there either
    }

    [Fact]
    public async Task Killed_while_merging_it_is_all_or_nothing_and_the_version_says_which()
    {
        var path = await NewDatabaseAsync("merging.duckdb");
        var before = await StateAsync(path);

        using (var import = StartImport(path))
        {
            Assert.True(await import.WaitForOutputAsync("in one transaction", TimeSpan.FromSeconds(120)), import.Output);
            await import.KillAsync();
        }

        // The kill lands inside the merge's transaction (usually) or just after its commit:
        // either nothing of it and the old version, or all of it and the next one — never a part.
        var after = await StateAsync(path);
        Assert.True(
            (after.Imported == 0 && after.Version == before.Version && after.LastChange == before.LastChange) ||
            (after.Imported == Lines && after.Version == before.Version + 1 && after.LastChange == after.Version),
            $"imported {after.Imported} of {Lines}, version {before.Version} → {after.Version}, last change {before.LastChange} → {after.LastChange}");
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

    private ChildProcess StartImport(string path) =>
        ChildProcess.StartDotnet(ChildProcess.WebAssembly, ["import", "order-lines", _csv, "--map", Map, "--database", path]);

    private async Task<string> NewDatabaseAsync(string name)
    {
        var path = Path.Combine(_folder, name);
        Assert.Equal(0, await CommandLine.TryRunAsync(["generate-demo", "--database", path, "--orders", "2000", "--customers", "200"], TextWriter.Null, TextWriter.Null));
        return path;
    }

    /// <summary>Opens the file afresh (DuckDB replays or drops its write-ahead log) and reads what the import would change.</summary>
    private static async Task<(long Imported, long Version, long LastChange, long Customers)> StateAsync(string path)
    {
        await using var database = new DuckDbDatabase(path);
        await using var connection = await database.OpenConnectionAsync();
        return (
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_order WHERE order_code LIKE 'K-%'"),
            await connection.ExecuteScalarAsync<long>("SELECT version FROM data_version WHERE id = 1"),
            await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(version), 0) FROM data_change"),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dim_customer"));
    }
}
