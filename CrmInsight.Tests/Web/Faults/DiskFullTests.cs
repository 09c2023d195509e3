using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Api;

namespace CrmInsight.Tests.Web.Faults;

/// <summary>
/// A full disk under a running app: the app runs as its own process in a private mount namespace
/// (unshare) with its database on a 64 MB tmpfs; the test fills that disk through
/// /proc/PID/root. Ingest then answers 503 with a message and writes nothing (DuckDB would end the
/// process if the disk filled in the middle of a commit, so writes stop while less than
/// Storage:MinFreeDiskBytes is free), and takes writes again once space is freed — no restart.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private const long MinFree = 16L * 1024 * 1024;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));

    public DiskFullTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task A_full_disk_refuses_ingest_with_503_and_writes_nothing_then_writes_resume_when_space_is_freed()
    {
        var seed = Path.Combine(_folder, "seed.duckdb");
        await DemoFile.CreateAsync(seed);
        var key = await DemoFile.CreateKeyAsync(seed, AccessKeyKind.Api);
        var readKey = await DemoFile.CreateKeyAsync(seed, AccessKeyKind.Read); // the counts are read with a read key (an ingest key reads nothing)
        var disk = Path.Combine(_folder, "disk");
        Directory.CreateDirectory(disk);
        var database = Path.Combine(disk, "app.duckdb");
        var web = ChildProcess.WebAssembly;
        using var app = ChildProcess.Start("unshare", ["-m", "sh", "-c",
            $"mount -t tmpfs -o size=64m tmpfs '{disk}' && cp '{seed}' '{database}' && " +
            $"ASPNETCORE_ENVIRONMENT=Production exec dotnet '{web}' --urls http://127.0.0.1:0 --Storage:DuckDbPath='{database}' --Storage:MinFreeDiskBytes={MinFree}"],
            workingDirectory: Path.GetDirectoryName(web));
        using var client = new HttpClient { BaseAddress = await app.WaitUntilServingAsync(TimeSpan.FromSeconds(90)) };
        client.DefaultRequestHeaders.Add(CrmInsight.Web.Security.ApiKeyHandler.Header, readKey); // an ingest request's own key header counts for it
        var diskSeenByApp = $"/proc/{app.Id}/root{disk}"; // the tmpfs, as the app's mount namespace has it

        Assert.Equal(HttpStatusCode.OK, (await PostOrderAsync(client, key, "DISK-1")).Status);
        var ordersBefore = await OrdersAsync(client);
        var filler = Path.Combine(diskSeenByApp, "filler");
        Fill(filler, leaveFree: MinFree / 2);

        var refused = await PostOrderAsync(client, key, "DISK-2");
        var refusedLines = await PostOrderLinesAsync(client, key, "DISK-L1");
        var ordersWhileFull = await OrdersAsync(client);
        File.Delete(filler);
        var accepted = await PostOrderAsync(client, key, "DISK-2");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Contains("Storage:MinFreeDiskBytes", refused.Detail, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedLines.Status);
        Assert.Equal(ordersBefore, ordersWhileFull); // nothing partial
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal(ordersBefore + 1, await OrdersAsync(client));
        Assert.DoesNotContain("terminate called", app.Output, StringComparison.Ordinal); // the process lived through it
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

    private static void Fill(string path, long leaveFree)
    {
        var free = new DriveInfo(Path.GetDirectoryName(path)!).AvailableFreeSpace;
        Assert.InRange(free, MinFree, 64L * 1024 * 1024); // this really is the app's small disk
        using var file = new FileStream(path, FileMode.CreateNew);
        var chunk = new byte[1024 * 1024];
        for (var left = free - leaveFree; left > 0; left -= chunk.Length)
        {
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }
    }

    private static async Task<(HttpStatusCode Status, string Detail)> PostOrderAsync(HttpClient client, string key, string id) =>
        await PostAsync(client, key, "orders", "application/json", $$"""[{"id":"{{id}}","date":"{{Today}}","revenue":10}]""");

    private static async Task<(HttpStatusCode Status, string Detail)> PostOrderLinesAsync(HttpClient client, string key, string id) =>
        await PostAsync(client, key, "order-lines?map=order=o,customer=c,date=d,quantity=q,price=p", "text/csv", $"o,c,d,q,p\n{id},,{Today},1,5.00\n");

    private static async Task<(HttpStatusCode Status, string Detail)> PostAsync(HttpClient client, string key, string kind, string contentType, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ingest/{kind}") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add(IngestEndpoints.KeyHeader, key);
        using var response = await client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "");
    }

    private static async Task<decimal> OrdersAsync(HttpClient client)
    {
        var tomorrow = DateTime.Now.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/kpis?ids=orders&from={Today}&to={tomorrow}"));
        return json.RootElement.GetProperty("kpis")[0].GetProperty("value").GetDecimal();
    }

    private static string Today => DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
