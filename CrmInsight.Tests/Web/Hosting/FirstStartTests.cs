using System.Net;
using System.Text;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Api;
using CrmInsight.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.Web.Hosting;

/// <summary>
/// The first start cannot be pre-empted: requests of every kind sent while the demo company is
/// being generated (the generation is held mid-way, so they really are sent during it) answer
/// without a 500 and open nothing, and the database is complete once it is ready.
/// </summary>
public sealed class FirstStartTests : IDisposable
{
    private readonly PausedGenerationServer _server = new();

    public static TheoryData<string, string> Requests => new()
    {
        { "GET", "/wall?key=cik_dsp_not-checked-yet" }, // the display-key middleware used to open the database here
        { "GET", "/wall" },
        { "GET", "/healthz" },
        { "GET", "/api/kpis?ids=revenue" },
        { "POST", "/api/ingest/orders" },
        { "GET", "/export/top-customers.csv" },
        { "GET", "/" },
        { "GET", "/admin" },
    };

    [Fact]
    public async Task Requests_during_generation_neither_fail_nor_open_the_database_and_the_demo_data_arrives_whole()
    {
        _ = _server.Services; // starts the host; the initializer runs in the background
        Assert.True(await _server.WaitForGenerationAsync(TimeSpan.FromSeconds(60)), "the generation never reported progress");
        using var client = _server.CreateClient();

        var answers = new List<(string Request, HttpStatusCode Status, string Body)>();
        foreach (var (method, path) in Requests.Select(r => ((string)r[0], (string)r[1])))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (path.StartsWith("/api/kpis", StringComparison.Ordinal) || path.StartsWith("/export/", StringComparison.Ordinal))
            {
                // Nobody can sign in yet; a read key cannot be checked yet either: 503, not 401.
                request.Headers.Add(IngestEndpoints.KeyHeader, "cik_read_whatever");
            }
            if (method == "POST")
            {
                request.Headers.Add(IngestEndpoints.KeyHeader, "cik_api_whatever");
                request.Content = new StringContent("""[{"id":"EARLY-1","date":"2024-01-01","revenue":1}]""", Encoding.UTF8, "application/json");
            }
            using var response = await client.SendAsync(request);
            answers.Add(($"{method} {path}", response.StatusCode, await response.Content.ReadAsStringAsync()));
        }
        var fileDuringGeneration = File.Exists(_server.DatabasePath);
        var stillStarting = _server.Readiness.State;
        _server.Release();
        await _server.WaitUntilReadyAsync();

        Assert.Equal(DatabaseState.Starting, stillStarting); // every request above was answered mid-generation
        Assert.False(fileDuringGeneration, "a request created the database file before the generator renamed it into place");
        Assert.All(answers, a => Assert.True(a.Status != HttpStatusCode.InternalServerError, $"{a.Request} answered 500"));
        Assert.All(answers.Where(a => a.Request.StartsWith("GET /wall", StringComparison.Ordinal) || a.Request.Contains("/api/", StringComparison.Ordinal) || a.Request.Contains("/export/", StringComparison.Ordinal) || a.Request.Contains("healthz", StringComparison.Ordinal)),
            a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status));
        Assert.Contains("http-equiv=\"refresh\"", answers[0].Body, StringComparison.Ordinal); // the wall screen reloads by itself
        using var reader = await _server.CreateClientAsync(TestUsers.Analyst);
        using var kpis = await reader.GetAsync("/api/kpis?ids=orders&period=last-year");
        Assert.Equal(HttpStatusCode.OK, kpis.StatusCode);
        Assert.DoesNotContain("\"value\":0", await kpis.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the demo data is in
        Assert.False(File.Exists(_server.DatabasePath + ".creating"));
    }

    public void Dispose() => _server.Dispose();

    /// <summary>The app whose first progress report of the demo generation waits until the test releases it.</summary>
    private sealed class PausedGenerationServer : CrmInsightServer
    {
        private readonly SemaphoreSlim _generating = new(0, 1);
        private readonly ManualResetEventSlim _release = new(false);
        private int _paused;

        public Task<bool> WaitForGenerationAsync(TimeSpan timeout) => _generating.WaitAsync(timeout);

        public void Release() => _release.Set();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var readiness = new DatabaseReadiness();
            readiness.Subscribe(() =>
            {
                // The generator's own progress ("Demo data: n of N customers …") runs on its thread:
                // hold it there, mid-generation, while the test sends its requests.
                if (readiness.Message.StartsWith("Demo data:", StringComparison.Ordinal) && Interlocked.Exchange(ref _paused, 1) == 0)
                {
                    _generating.Release();
                    _release.Wait(TimeSpan.FromSeconds(60));
                }
            });
            builder.ConfigureTestServices(services => services.AddSingleton(readiness));
        }

        protected override void Dispose(bool disposing)
        {
            _release.Set();
            base.Dispose(disposing);
        }
    }
}
