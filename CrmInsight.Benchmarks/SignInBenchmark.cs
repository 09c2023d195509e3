using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Benchmarks;

/// <summary>
/// What authentication adds to a request: the real app in-process (its whole middleware
/// pipeline, on an in-memory test server so no socket noise), the same two requests sent
/// anonymously, with a person's sign-in cookie (decrypting the data-protected ticket, the claims,
/// the stamp check when due) and with a read key (hashing it and looking it up). A static file
/// (<c>/favicon.svg</c>) answers anyone and touches no database, so the three differ only by
/// authentication; <c>/api/kpis</c> (served from the result cache) shows the share of it in a
/// real data request, where anonymous is refused.
/// Rounds interleave the variants so drift on a shared machine hits them alike.
/// </summary>
internal static partial class SignInBenchmark
{
    private const string Password = "benchmark password 2024";

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = 2_000;
        var rounds = 10;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--requests": requests = int.Parse(args[++i].Replace("_", ""), CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"Unknown argument {args[i]}"); return 2;
            }
        }
        var folder = Path.Combine(Path.GetTempPath(), "crminsight-bench-signin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var host = new Host(Path.Combine(folder, "signin.duckdb"));
            var readiness = host.Services.GetRequiredService<CrmInsight.Web.Hosting.DatabaseReadiness>();
            while (!readiness.IsReady)
            {
                await Task.Delay(100);
            }
            var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true };
            using var anonymous = host.CreateClient(options);
            using var cookie = host.CreateClient(options);
            await SignInAsync(cookie);
            using var key = host.CreateClient(options);
            var readKey = await host.Services.GetRequiredService<AccessKeyStore>().CreateAsync(AccessKeyKind.Read, "benchmark", IdSet.Empty, "benchmark");
            key.DefaultRequestHeaders.Add(ApiKeyHandler.Header, readKey.Secret);

            const string Static = "/favicon.svg";
            const string Api = "/api/kpis?ids=orders&period=ytd";
            var variants = new (string Name, HttpClient Client, string Path, HttpStatusCode Expected)[]
            {
                ("GET /favicon.svg, anonymous", anonymous, Static, HttpStatusCode.OK),
                ("GET /favicon.svg, sign-in cookie", cookie, Static, HttpStatusCode.OK),
                ("GET /favicon.svg, read key", key, Static, HttpStatusCode.OK),
                ("GET /api/kpis (cached), sign-in cookie", cookie, Api, HttpStatusCode.OK),
                ("GET /api/kpis (cached), read key", key, Api, HttpStatusCode.OK),
                ("GET /api/kpis, anonymous (refused)", anonymous, Api, HttpStatusCode.Unauthorized),
            };
            var perRound = Math.Max(1, requests / rounds);
            foreach (var v in variants)
            {
                await TimeAsync(v.Client, v.Path, v.Expected, 200); // warm-up: JIT, caches, connection pool
            }
            var samples = variants.Select(_ => new List<double>()).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < variants.Length; i++)
                {
                    samples[i].AddRange(await TimeAsync(variants[i].Client, variants[i].Path, variants[i].Expected, perRound));
                }
            }

            Console.WriteLine($"CrmInsight sign-in cost · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {DateTime.Now:yyyy-MM-dd HH:mm} · {rounds} rounds × {perRound} requests per variant, sequential, in-memory test server");
            Console.WriteLine();
            Console.WriteLine("| request | mean ms | p50 ms | p95 ms | added vs anonymous (mean ms) | added (p50 ms) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            var baseline = samples[0].Average();
            var baselineMedian = Percentile([.. samples[0].Order()], 0.50);
            for (var i = 0; i < variants.Length; i++)
            {
                var sorted = samples[i].Order().ToList();
                var added = i is 1 or 2 ? (sorted.Average() - baseline).ToString("F3", CultureInfo.InvariantCulture) : "";
                var addedMedian = i is 1 or 2 ? (Percentile(sorted, 0.50) - baselineMedian).ToString("F3", CultureInfo.InvariantCulture) : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {variants[i].Name} | {sorted.Average():F3} | {Percentile(sorted, 0.50):F3} | {Percentile(sorted, 0.95):F3} | {added} | {addedMedian} |"));
            }
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<List<double>> TimeAsync(HttpClient client, string path, HttpStatusCode expected, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != expected)
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}, expected {(int)expected}");
            }
        }
        return times;
    }

    /// <summary>The first-start admin signs in through the real form (its antiforgery token, then the post).</summary>
    private static async Task SignInAsync(HttpClient client)
    {
        var form = await client.GetStringAsync("/signin");
        var token = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = "admin",
            ["Input.Password"] = Password,
        });
        using var response = await client.PostAsync("/signin", content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}.");
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private sealed class Host(string databasePath) : WebApplicationFactory<CrmInsight.Web.SharedResource>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:DuckDbPath", databasePath);
            builder.UseSetting("Demo:Orders", "20000");
            builder.UseSetting("Demo:Customers", "2000");
            builder.UseSetting("Auth:InitialAdminPassword", Password);
            // The limits would refuse a benchmark's request rate; they are not what is measured.
            builder.UseSetting("Auth:SignInPermitsPerMinute", "100000");
            builder.UseSetting("Auth:ApiPermitsPerMinute", "1000000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
