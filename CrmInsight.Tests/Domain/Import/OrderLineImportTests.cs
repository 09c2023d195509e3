using System.Globalization;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Import;

/// <summary>
/// Order-line rules on a small retail export. Worked by hand (P = March 2024):
/// A1 = lines 2 and 3 (2 × 10.50 + 1 × 4.25 = 25.25, 3 items, dated 03-04, its earliest line) plus the
/// return on line 11 (1 × 4.25 to returns); A2 is anonymous (3 × 2.00 = 6.00); C9 holds only a
/// return (10.50, no order); A5 = 1 × 1000.10 for C2. Lines 6–9 are rejected.
/// Revenue 25.25 + 6.00 + 1000.10 = 1031.35 over 3 orders; items 3 + 3 + 1 = 7; returns 14.75.
/// </summary>
public sealed class OrderLineImportTests : IAsyncLifetime
{
    public const string Map = "order=InvoiceNo,customer=CustomerID,date=InvoiceDate,quantity=Quantity,price=UnitPrice,product=StockCode,region=Country";

    public const string Retail = """
        InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        A1,X,2,2024-03-05 10:00,10.50,C1,France
        A1,Y,1,2024-03-04 09:00,4.25,C1,France
        A2,X,3,2024-03-10,2.00,,Spain
        C9,X,-1,2024-03-12,10.50,C1,France
        A3,Z,0,2024-03-12,1,C2,Spain
        A3,Z,1,2024-03-12,-1,C2,Spain
        A3,Z,x,2024-03-12,1,C2,Spain
        A4,Z,2,2024-13-40,1,C2,Spain
        A5,Z,1,2024-03-20,"1000.10",C2,"Spain"
        A1,Y,-1,2024-03-06,4.25,C1,France
        """;

    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Summary_counts_lines_orders_returns_and_rejections_with_line_numbers()
    {
        var summary = await _db.ImportAsync(ImportKind.OrderLines, Retail, Map);

        Assert.Null(summary.FatalError);
        Assert.Equal(10, summary.LinesRead);
        Assert.Equal(6, summary.Imported);
        Assert.Equal(4, summary.Rejected);
        Assert.Equal(3, summary.RecordsWritten); // A1, A2, A5: C9 has no sale line
        Assert.Equal(2, summary.ReturnLines);
        Assert.Equal(2, summary.CustomersCreated); // C1, C2 (C2 from A5; its rejected lines create nothing)
        Assert.Equal(
            [(6L, "quantity is 0"), (7L, "price is negative"), (8L, "quantity is not a number"), (9L, "date is not a date")],
            summary.RejectedLines.Select(r => (r.Line, r.Reason)));
        Assert.Equal("2024-13-40", summary.RejectedLines[3].Value);
        Assert.Equal(4, summary.RejectedByReason.Sum(r => r.Value));
    }

    [Fact]
    public async Task Kpis_after_import_equal_the_hand_computation()
    {
        await _db.ImportAsync(ImportKind.OrderLines, Retail, Map);
        var report = await _db.Kpis.GetKpisAsync(March, DataScope.All, _db.Kpis.Catalog.All.Select(k => k.Id));

        Assert.Equal(1031.35m, report["revenue"].Value);
        Assert.Equal(3m, report["orders"].Value);
        Assert.Equal(7m / 3m, report["items_per_order"].Value);
        Assert.Equal(14.75m, report["returns_value"].Value); // 10.50 (C9) + 4.25 (A1's return)
        Assert.Equal(2m, report["active_customers"].Value); // C1, C2; A2 is anonymous
        Assert.Equal(1031.35m / 3m, report["avg_order_value"].Value);
        Assert.Equal(2m / 2m, report["purchase_frequency"].Value); // identified orders A1, A5 over C1, C2
        Assert.Equal(2m, report["new_customers"].Value);
    }

    [Fact]
    public async Task An_order_is_dated_by_its_earliest_sale_line_and_regions_become_members()
    {
        await _db.ImportAsync(ImportKind.OrderLines, Retail, Map);
        var orders = await _db.RowsAsync<(string Code, DateTime Date, decimal Revenue, int Items, decimal Returned, long? Customer)>(
            "SELECT order_code, CAST(order_date AS TIMESTAMP), revenue, items, returned_value, customer_id FROM fact_order ORDER BY order_code");

        Assert.Equal(["A1", "A2", "A5", "C9"], orders.Select(o => o.Code));
        Assert.Equal((new DateTime(2024, 3, 4), 25.25m, 3, 4.25m), (orders[0].Date, orders[0].Revenue, orders[0].Items, orders[0].Returned));
        Assert.Null(orders[1].Customer);
        Assert.Equal((0m, 0, 10.50m), (orders[3].Revenue, orders[3].Items, orders[3].Returned));
        Assert.Equal(["France", "Spain"], await _db.RowsAsync<string>("SELECT name FROM dim_region ORDER BY name"));
    }

    [Fact]
    public async Task Importing_the_same_file_again_replaces_the_orders_and_bumps_the_version_once()
    {
        var first = await _db.ImportAsync(ImportKind.OrderLines, Retail, Map);
        var second = await _db.ImportAsync(ImportKind.OrderLines, Retail, Map);

        Assert.Equal(first.DataVersion + 1, second.DataVersion);
        Assert.Equal(4L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_order"));
        Assert.Equal(2L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM dim_customer"));
        Assert.Equal(2L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM dim_region"));
        var report = await _db.Kpis.GetKpisAsync(March, DataScope.All, ["revenue", "orders"]);
        Assert.Equal(1031.35m, report["revenue"].Value);
        Assert.Equal(3m, report["orders"].Value);
    }

    [Fact]
    public async Task A_changed_order_replaces_the_old_one()
    {
        await _db.ImportAsync(ImportKind.OrderLines, Retail, Map);
        await _db.ImportAsync(ImportKind.OrderLines, "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\nA2,X,1,2024-03-10,2.00,,Spain\n", Map);

        var report = await _db.Kpis.GetKpisAsync(March, DataScope.All, ["revenue"]);
        Assert.Equal(1031.35m - 4m, report["revenue"].Value); // A2 is now 1 × 2.00 instead of 3 × 2.00
    }

    [Fact]
    public async Task Strict_mode_with_a_rejected_line_writes_nothing()
    {
        var before = await _db.Versions.ReadAsync();
        var summary = await _db.ImportAsync(ImportKind.OrderLines, Retail, Map, s => s with { Strict = true });

        Assert.NotNull(summary.FatalError);
        Assert.Contains("4 of 10 lines were rejected", summary.FatalError, StringComparison.Ordinal);
        Assert.Equal(4, summary.RejectedLines.Count);
        Assert.Equal(before, await _db.Versions.ReadAsync());
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_order"));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM dim_customer"));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM dim_region"));
    }

    [Fact]
    public async Task A_mapped_column_missing_from_the_file_is_fatal_and_named()
    {
        await _db.ImportAsync(ImportKind.OrderLines, Retail, Map);
        var before = await _db.Versions.ReadAsync();

        var summary = await _db.ImportAsync(ImportKind.OrderLines, Retail, Map.Replace("price=UnitPrice", "price=Price", StringComparison.Ordinal));

        Assert.Contains("Column 'Price' (mapped to price) is not in the file", summary.FatalError, StringComparison.Ordinal);
        Assert.Equal(before, await _db.Versions.ReadAsync());
        Assert.Equal(4L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_order"));
    }

    [Fact]
    public async Task A_write_the_database_refuses_rolls_back_everything_the_import_had_written()
    {
        await _db.ImportAsync(ImportKind.OrderLines, Retail, Map);
        var before = await _db.Versions.ReadAsync();
        // 150 lines of 99 999 999 999 999.00 in one order: each line is accepted, but the order's
        // revenue (about 1.5e16) does not fit DECIMAL(18,2), so the merge fails after it has
        // already added the region "Atlantis" and the customer Z1 in the same transaction.
        var lines = string.Concat(Enumerable.Repeat("Z9,X,1,2024-03-20,99999999999999.00,Z1,Atlantis\n", 150));
        var summary = await _db.ImportAsync(ImportKind.OrderLines, "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" + lines, Map);

        Assert.StartsWith("The database refused the import, nothing was written: a value does not fit", summary.FatalError, StringComparison.Ordinal);
        Assert.Equal(before, await _db.Versions.ReadAsync());
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM dim_region WHERE name = 'Atlantis'"));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM dim_customer WHERE customer_code = 'Z1'"));
        Assert.Equal(4L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_order"));
    }

    [Fact]
    public async Task An_unclosed_quote_is_fatal_and_writes_nothing()
    {
        var summary = await _db.ImportAsync(ImportKind.OrderLines, Retail + "\nA6,\"X,1,2024-03-21,1,C3,Spain\n", Map);

        Assert.Contains("never closed", summary.FatalError, StringComparison.Ordinal);
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_order"));
    }

    [Fact]
    public async Task Amount_instead_of_price_sums_the_amounts_and_a_custom_date_format_and_culture_are_read()
    {
        // The file is comma-separated; German numbers are quoted because of their decimal comma.
        var file = "Order,Customer,Date,Qty,Total\nB1,K1,05.03.2024,2,\"21,50\"\nB1,K1,06.03.2024,1,\"3,25\"\nB2,K2,07.03.2024,-1,\"-5,00\"\n";
        var summary = await _db.ImportAsync(
            ImportKind.OrderLines, file, "order=Order,customer=Customer,date=Date,quantity=Qty,amount=Total",
            s => s with { DateFormat = "dd.MM.yyyy", Culture = CultureInfo.GetCultureInfo("de-DE") });

        Assert.True(summary.Succeeded, summary.FatalError);
        var report = await _db.Kpis.GetKpisAsync(March, DataScope.All, ["revenue", "items_per_order", "returns_value"]);
        Assert.Equal(24.75m, report["revenue"].Value); // 21.50 + 3.25
        Assert.Equal(3m, report["items_per_order"].Value);
        Assert.Equal(5m, report["returns_value"].Value);
    }

    [Fact]
    public async Task The_uci_online_retail_date_style_is_read_with_its_formats()
    {
        var file = "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
                   "536365,85123A,6,3/1/2024 8:26,2.55,17850,United Kingdom\n" +
                   "536366,22633,6,3/12/2024,1.85,17850,United Kingdom\n" +
                   "536367,22633,6,13/12/2024,1.85,17850,United Kingdom\n";

        var summary = await _db.ImportAsync(ImportKind.OrderLines, file, Map, s => s with { DateFormat = "M/d/yyyy H:mm|M/d/yyyy" });

        Assert.Equal((2L, 1L), (summary.Imported, summary.Rejected));
        Assert.Equal(4L, summary.RejectedLines.Single().Line); // there is no 13th month
        var report = await _db.Kpis.GetKpisAsync(March, DataScope.All, ["revenue"]);
        Assert.Equal(6 * 2.55m + 6 * 1.85m, report["revenue"].Value);
    }

    [Fact]
    public async Task With_only_order_lines_the_kpis_of_other_sources_are_undefined_not_zero()
    {
        await _db.ImportAsync(ImportKind.OrderLines, Retail, Map);
        var report = await _db.Kpis.GetKpisAsync(March, DataScope.All, _db.Kpis.Catalog.All.Select(k => k.Id));

        string[] otherSources = ["csat", "nps", "complaint_rate", "resolution_rate", "first_response_time", "response_rate", "cac", "roi", "attainment", "win_rate", "lead_conversion"];
        Assert.All(otherSources, id => Assert.Null(report[id].Value));
    }
}
