using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Satisfaction;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.Domain.Import;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Satisfaction;

/// <summary>Tickets and surveys brought in by the CSV import feed the Satisfaction view like demo data.</summary>
public sealed class ImportedServiceTests : IAsyncLifetime
{
    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Imported_tickets_and_surveys_show_by_category_and_in_the_bands()
    {
        // March: T1 billing answered after 30 min and resolved; T3 billing answered after 90 min, open;
        // T2 delivery unanswered. T4 is February. Surveys: csat 95 (very satisfied), 75 (satisfied).
        await _db.ImportAsync(ImportKind.Tickets, """
            Ticket,Customer,Opened,FirstResponse,Resolved,Type,Channel
            T1,C1,2024-03-02 10:00,2024-03-02 10:30,2024-03-03 10:00,billing,email
            T2,C2,2024-03-05 09:00,,,delivery,phone
            T3,C1,2024-03-09 08:00,2024-03-09 09:30,,billing,email
            T4,C2,2024-02-20 08:00,2024-02-20 08:10,2024-02-20 09:00,billing,chat
            """, "id=Ticket,customer=Customer,submitted=Opened,first-response=FirstResponse,resolved=Resolved,category=Type,channel=Channel");
        await _db.ImportAsync(ImportKind.Surveys, "Id,Customer,Date,Csat\nS1,C1,2024-03-04,95\nS2,C2,2024-03-06,75\n", "id=Id,customer=Customer,date=Date,csat=Csat");
        var service = _db.Get<SatisfactionService>();

        var data = await service.GetAsync(March, DataScope.All);

        var byCategory = data.Breakdowns.Single(b => b.Dimension == ServiceDimension.Category).Rows.ToDictionary(r => r.Member);
        Assert.Equal(2, byCategory["billing"].Tickets);
        Assert.Equal(60m, byCategory["billing"].ResponseMinutes);    // (30 + 90) / 2
        Assert.Equal(60m, byCategory["billing"].ResponseP50Minutes); // continuous median of 30 and 90
        Assert.Equal(0.5m, byCategory["billing"].ResolutionRate);    // T1 of T1, T3
        Assert.Equal(1, byCategory["delivery"].Tickets);
        Assert.Null(byCategory["delivery"].ResponseMinutes);         // not answered yet
        Assert.Equal(85m, data.Kpis["csat"].Value);                  // (95 + 75) / 2
        Assert.Equal(0.5m, data.CsatBands.Single(b => b.Key == "very_satisfied").Share);
    }
}
