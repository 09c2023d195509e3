using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.Domain.Import;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Kpis;

/// <summary>
/// complaint_rate = active customers of P who complained in P / active customers of P
/// (KPIS.md §3: numerator ⊆ denominator). Worked by hand for P = March 2024.
/// </summary>
public sealed class ComplaintRateTests(ComplaintRateTests.ImportedDatabase data) : IClassFixture<ComplaintRateTests.ImportedDatabase>
{
    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));

    // The tests only read: one database for the class.
    private readonly TestDatabase _db = data.Db;

    /// <summary>Sales and tickets imported through the product's import, once for the class.</summary>
    public sealed class ImportedDatabase : SeededDatabase
    {
        protected override async Task SeedAsync(TestDatabase db)
        {
            // Buyers in March: A1 and A2. B1 and B2 bought only in February.
            await Imported(db, ImportKind.OrderLines, """
                Invoice,Customer,Date,Qty,Price
                S1,A1,2024-03-04,1,10.00
                S2,A2,2024-03-05,1,10.00
                S3,B1,2024-02-10,1,10.00
                S4,B2,2024-02-11,1,10.00
                """, "order=Invoice,customer=Customer,date=Date,quantity=Qty,price=Price");
            // March complaints: A1 twice (one customer), B1 and B2 (no sale in March). A2 has a ticket that is no complaint.
            // February: B1 complained, and bought that month.
            await Imported(db, ImportKind.Tickets, """
                Id,Customer,Opened,Channel,Complaint
                T1,A1,2024-03-06 09:00,email,yes
                T2,A1,2024-03-20 09:00,phone,yes
                T3,B1,2024-03-07 09:00,chat,yes
                T4,B2,2024-03-08 09:00,web,yes
                T5,A2,2024-03-09 09:00,web,no
                T6,B1,2024-02-12 09:00,phone,yes
                """, "id=Id,customer=Customer,submitted=Opened,channel=Channel,complaint=Complaint");
        }

        private static async Task Imported(TestDatabase db, ImportKind kind, string csv, string map)
        {
            var summary = await db.ImportAsync(kind, csv, map);
            Assert.True(summary.Succeeded && summary.Rejected == 0, summary.FatalError ?? string.Join("; ", summary.RejectedLines.Select(r => $"{r.Line} {r.Reason}")));
        }
    }

    [Fact]
    public async Task Complainants_who_bought_nothing_in_the_period_count_in_neither_side()
    {
        var report = await _db.Kpis.GetKpisAsync(March, DataScope.All, ["complaint_rate"]);

        // March: active {A1, A2}; of them only A1 complained → 1 / 2. Counting every complainant
        // ({A1, B1, B2} = 3) over the 2 buyers, as before, gave 150 %.
        Assert.Equal(1m / 2m, report["complaint_rate"].Value);
        // The comparison period (the 31 days before March, so February and the end of January):
        // active {B1, B2}; B1 complained on 02-12 → 1 / 2.
        Assert.Equal(1m / 2m, report["complaint_rate"].ComparisonValue);
    }

    [Fact]
    public async Task The_monthly_sparkline_applies_the_same_rule_per_month()
    {
        var series = await _db.Kpis.GetMonthlySeriesAsync(March, DataScope.All, ["complaint_rate"]);
        var trend = series["complaint_rate"];

        // February 1 / 2 (B1 of B1, B2); March 1 / 2 (A1 of A1, A2) — never 3 / 2.
        var months = trend.Where(p => p.Value is not null).ToDictionary(p => p.Month, p => p.Value);
        Assert.Equal(1m / 2m, months[new DateOnly(2024, 2, 1)]);
        Assert.Equal(1m / 2m, months[new DateOnly(2024, 3, 1)]);
        Assert.All(months.Values, v => Assert.InRange(v!.Value, 0m, 1m));
    }
}
