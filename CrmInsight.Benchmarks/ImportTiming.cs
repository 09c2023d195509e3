using System.Diagnostics;
using System.Globalization;
using System.Text;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using Microsoft.Extensions.Options;

namespace CrmInsight.Benchmarks;

/// <summary>
/// Imports a generated retail order-lines export (invoices of 1–9 lines, a fifth anonymous,
/// return invoices with negative quantities, a few bad lines) into a new empty database:
/// lines per second, the process's peak memory while importing, the time until the Overview's
/// data is ready afterwards, and the revenue, orders and returns of two windows computed
/// independently from the file (while it was written) against the KPI engine's.
/// </summary>
internal static class ImportTiming
{
    private const string Map = "order=InvoiceNo,customer=CustomerID,date=InvoiceDate,quantity=Quantity,price=UnitPrice,product=StockCode,region=Country";
    private static readonly string[] Countries = ["United Kingdom", "France", "Germany", "Spain", "Netherlands", "Ireland", "Portugal", "Belgium", "Switzerland", "Norway"];

    public static async Task MeasureAsync(int lines, string folder)
    {
        Console.WriteLine();
        Console.WriteLine($"## Import of {lines:N0} order lines");
        var csv = Path.Combine(folder, $"retail-{lines}.csv");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var windows = new[] { (From: today.AddDays(-90), To: today.AddDays(1)), (From: today.AddYears(-2), To: today.AddDays(1)) };
        var expected = Write(csv, lines, today, windows);
        Console.WriteLine($"file: {new FileInfo(csv).Length / 1024.0 / 1024.0:F1} MB");

        var path = Path.Combine(folder, $"import-{lines}.duckdb");
        File.Delete(path);
        File.Delete(path + ".wal");
        await DuckDbFileCreator.CreateAsync(path, null, TimeProvider.System);
        await using var stack = await BenchStack.OpenAsync(path);
        var importer = stack.Get<ImportService>();

        GC.Collect();
        ResetPeakMemory();
        var before = PeakMemoryMb();
        var started = Stopwatch.GetTimestamp();
        ImportSummary summary;
        await using (var stream = File.OpenRead(csv))
        {
            summary = await importer.ImportAsync(ImportKind.OrderLines, stream, new ImportSettings(ColumnMapping.Parse(ImportKind.OrderLines, Map).Mapping!));
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var peak = PeakMemoryMb();
        Console.WriteLine($"import: {seconds:F1} s, {summary.LinesRead / seconds:N0} lines/s; read {summary.LinesRead:N0}, imported {summary.Imported:N0}, " +
                          $"rejected {summary.Rejected:N0}, orders {summary.RecordsWritten:N0}, customers created {summary.CustomersCreated:N0} {summary.FatalError}");
        Console.WriteLine($"peak memory of the process while importing: {peak:F0} MB (before: {before:F0} MB)");

        // The first view after an import: new data version, nothing cached, the Overview computed.
        var kpis = stack.Get<KpiService>();
        var overview = stack.Get<OverviewService>();
        var viewStarted = Stopwatch.GetTimestamp();
        await overview.GetAsync(DashboardFilter.Default, DataScope.All);
        Console.WriteLine($"first Overview after import (all tiles, sparklines, charts; cold cache): {Stopwatch.GetElapsedTime(viewStarted).TotalMilliseconds:F0} ms; " +
                          $"import end to first view: {seconds + Stopwatch.GetElapsedTime(viewStarted).TotalSeconds:F1} s from the start of the import");

        for (var i = 0; i < windows.Length; i++)
        {
            var (from, to) = windows[i];
            var report = await kpis.GetKpisAsync(DashboardFilter.Default.WithCustomRange(from, to), DataScope.All, ["revenue", "orders", "returns_value"]);
            var (revenue, orders, returns) = expected[i];
            var same = report["revenue"].Value == revenue && report["orders"].Value == orders && report["returns_value"].Value == returns;
            Console.WriteLine($"[{from:yyyy-MM-dd}, {to:yyyy-MM-dd}): file says revenue {revenue:F2}, orders {orders:N0}, returns {returns:F2}; " +
                              $"KPIs say {report["revenue"].Value:F2}, {report["orders"].Value:N0}, {report["returns_value"].Value:F2} → {(same ? "equal to the cent" : "DIFFERENT")}");
        }
    }

    /// <summary>Writes the file and returns, per window, revenue / orders / returns worked out from the lines by the README's rules.</summary>
    internal static (decimal Revenue, long Orders, decimal Returns)[] Write(string path, int lines, DateOnly today, (DateOnly From, DateOnly To)[] windows)
    {
        var random = new Random(20_240_101);
        var totals = new (decimal Revenue, long Orders, decimal Returns)[windows.Length];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        writer.Write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\r\n");
        var written = 0;
        var invoice = 500_000;
        while (written < lines)
        {
            invoice++;
            var isReturn = random.Next(50) == 0;
            var code = isReturn ? $"C{invoice}" : invoice.ToString(CultureInfo.InvariantCulture);
            var date = today.AddDays(-random.Next(730));
            var time = new TimeOnly(8 + random.Next(10), random.Next(60));
            var customer = random.Next(5) == 0 ? "" : (12_000 + random.Next(40_000)).ToString(CultureInfo.InvariantCulture);
            var country = Countries[random.Next(Countries.Length)];
            var count = Math.Min(1 + random.Next(9), lines - written);
            decimal invoiceRevenue = 0, invoiceReturns = 0;
            var sale = false;
            for (var l = 0; l < count; l++)
            {
                var quantity = (isReturn ? -1 : 1) * (1 + random.Next(12));
                var price = Math.Round((decimal)(0.19 + random.NextDouble() * 40), 2);
                var bad = random.Next(2000) == 0; // an unreadable number: rejected
                var description = random.Next(10) == 0 ? "\"SET OF 3, \"\"VINTAGE\"\" TINS\"" : "WHITE HANGING HEART";
                writer.Write($"{code},{85000 + random.Next(3000)},{description},{(bad ? "n/a" : quantity.ToString(CultureInfo.InvariantCulture))},");
                writer.Write($"{date:yyyy-MM-dd} {time:HH:mm},{price.ToString(CultureInfo.InvariantCulture)},{customer},{country}\r\n");
                written++;
                if (bad)
                {
                    continue;
                }
                if (quantity > 0)
                {
                    invoiceRevenue += quantity * price;
                    sale = true;
                }
                else
                {
                    invoiceReturns += -quantity * price;
                }
            }
            for (var w = 0; w < windows.Length; w++)
            {
                if (date >= windows[w].From && date < windows[w].To)
                {
                    totals[w].Revenue += sale && invoiceRevenue > 0 ? invoiceRevenue : 0;
                    totals[w].Orders += sale && invoiceRevenue > 0 ? 1 : 0;
                    totals[w].Returns += invoiceReturns;
                }
            }
        }
        return totals;
    }

    // Linux keeps the peak resident set (VmHWM); writing 5 to clear_refs resets it, so the
    // figure is the import's own peak rather than the file generation's.
    private static void ResetPeakMemory()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static double PeakMemoryMb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
