using System.Globalization;
using System.Text;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Import;

/// <summary>
/// "Done means": a retail export (invoice, stock code, quantity, date, unit price, customer id,
/// country; with returns, anonymous lines and bad lines) imported in one go, and the KPIs of
/// several windows equal to the cent what this test works out from the same lines on its own,
/// by the README's rules, with LINQ over the generated lines instead of SQL.
/// </summary>
public sealed class RetailExportTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private sealed record Line(string Invoice, int Quantity, DateOnly Date, decimal Price, string? Customer, bool Bad);

    [Fact]
    public async Task Kpis_of_any_window_equal_an_independent_computation_on_the_file()
    {
        var lines = Generate(3_000);
        var csv = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\r\n");
        var random = new Random(7);
        foreach (var l in lines)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{l.Invoice},{85000 + random.Next(100)},\"MUG, \"\"BLUE\"\"\",{(l.Bad ? "?" : l.Quantity.ToString(CultureInfo.InvariantCulture))},")
               .Append(CultureInfo.InvariantCulture, $"{l.Date:yyyy-MM-dd} {8 + random.Next(10):D2}:{random.Next(60):D2},{l.Price.ToString(CultureInfo.InvariantCulture)},{l.Customer},Côte d'Ivoire\r\n");
        }
        var summary = await _db.ImportAsync(ImportKind.OrderLines, csv.ToString(),
            "order=InvoiceNo,customer=CustomerID,date=InvoiceDate,quantity=Quantity,price=UnitPrice,product=StockCode,region=Country");
        Assert.True(summary.Succeeded, summary.FatalError);
        Assert.Equal(lines.Count(l => l.Bad), summary.Rejected);

        // The rules, independently: a valid line with quantity > 0 is a sale line, < 0 a return.
        // An invoice with sale lines is an order dated by its earliest sale line; its returns
        // are dated with it. An invoice with only returns is dated by its earliest return.
        var invoices = lines.Where(l => !l.Bad).GroupBy(l => l.Invoice).Select(g =>
        {
            var sales = g.Where(l => l.Quantity > 0).ToList();
            return new
            {
                Date = sales.Count > 0 ? sales.Min(l => l.Date) : g.Min(l => l.Date),
                Revenue = sales.Sum(l => l.Quantity * l.Price),
                Items = sales.Sum(l => l.Quantity),
                Returns = g.Where(l => l.Quantity < 0).Sum(l => -l.Quantity * l.Price),
                Customer = (sales.Count > 0 ? sales : g.ToList()).OrderBy(l => lines.IndexOf(l)).Select(l => l.Customer).FirstOrDefault(c => c is not null),
            };
        }).ToList();

        foreach (var (from, to) in new[] { (new DateOnly(2024, 1, 1), new DateOnly(2024, 4, 1)), (new DateOnly(2023, 6, 15), new DateOnly(2023, 7, 3)), (new DateOnly(2022, 1, 1), new DateOnly(2025, 1, 1)) })
        {
            var inWindow = invoices.Where(i => i.Date >= from && i.Date < to).ToList();
            var orders = inWindow.Where(i => i.Revenue > 0).ToList();
            var report = await _db.Kpis.GetKpisAsync(DashboardFilter.Default.WithCustomRange(from, to), DataScope.All,
                ["revenue", "orders", "returns_value", "items_per_order", "active_customers"]);

            Assert.Equal(orders.Sum(o => o.Revenue), report["revenue"].Value);
            Assert.Equal(orders.Count, report["orders"].Value);
            Assert.Equal(inWindow.Sum(i => i.Returns), report["returns_value"].Value);
            Assert.Equal((decimal)orders.Sum(o => o.Items) / orders.Count, report["items_per_order"].Value);
            Assert.Equal(orders.Where(o => o.Customer is not null).Select(o => o.Customer).Distinct().Count(), report["active_customers"].Value);
        }
    }

    /// <summary>Invoices of 1–6 lines over 2023–2024 whose lines may fall on different days, a fifth anonymous,
    /// returns both as their own invoices and inside sales, zero-price lines and one line in 200 unreadable.</summary>
    private static List<Line> Generate(int count)
    {
        var random = new Random(42);
        var lines = new List<Line>();
        for (var invoice = 1; lines.Count < count; invoice++)
        {
            var returnInvoice = random.Next(25) == 0;
            var code = returnInvoice ? $"C{invoice}" : $"{536000 + invoice}";
            var date = new DateOnly(2023, 1, 1).AddDays(random.Next(730));
            var customer = random.Next(5) == 0 ? null : $"{12000 + random.Next(300)}";
            for (var n = 1 + random.Next(6); n > 0; n--)
            {
                var quantity = (returnInvoice || random.Next(30) == 0 ? -1 : 1) * (1 + random.Next(24));
                var price = random.Next(40) == 0 ? 0m : Math.Round((decimal)(0.1 + random.NextDouble() * 25), 2);
                lines.Add(new Line(code, quantity, date.AddDays(random.Next(3)), price, customer, random.Next(200) == 0));
            }
        }
        return lines;
    }
}
