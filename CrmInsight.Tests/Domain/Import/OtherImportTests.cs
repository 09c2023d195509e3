using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Import;

/// <summary>Customers, tickets and surveys; KPIs worked by hand for P = March 2024.</summary>
public sealed class OtherImportTests : IAsyncLifetime
{
    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Customers_with_a_bom_quoted_commas_and_non_ascii_names_and_a_reimport_updates_only_mapped_fields()
    {
        var summary = await _db.ImportAsync(ImportKind.Customers,
            "Id,Name,Country,Email\nK1,\"Müller, Jürgen\",Deutschland,j@example.com\nK2,\"王\n芳\",中国,\n",
            "id=Id,name=Name,region=Country,email=Email", bom: true);

        Assert.True(summary.Succeeded, summary.FatalError);
        Assert.Equal(2, summary.RecordsWritten);
        var rows = await _db.RowsAsync<(string Code, string Name, string Region, string? Email)>(
            "SELECT c.customer_code, c.name, r.name, c.email FROM dim_customer c JOIN dim_region r ON r.region_id = c.region_id ORDER BY 1");
        Assert.Equal(("K1", "Müller, Jürgen", "Deutschland", "j@example.com"), rows[0]);
        Assert.Equal(("K2", "王\n芳", "中国", null), rows[1]);

        await _db.ImportAsync(ImportKind.Customers, "Id,Name\nK1,Jürgen Müller\n", "id=Id,name=Name");

        Assert.Equal(2L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM dim_customer"));
        Assert.Equal(("Jürgen Müller", "j@example.com"), (await _db.RowsAsync<(string, string)>("SELECT name, email FROM dim_customer WHERE customer_code = 'K1'"))[0]);
    }

    // T1 C1 complaint, answered after 30 min, resolved; T2 C2 not answered or resolved yet; T3 C1 answered after 90 min,
    // not resolved; T4 in February. Line 6 has a bad flag. In March: 3 tickets, 1 resolved, 2 answered (30 + 90) / 2 = 60 min.
    private const string Tickets = """
        Ticket,Customer,Opened,FirstResponse,Resolved,Complaint,Type,Channel
        T1,C1,2024-03-02 10:00,2024-03-02 10:30,2024-03-03 10:00,YES,billing,email
        T2,C2,2024-03-05 09:00,,,no,delivery,Phone
        T3,C1,2024-03-09 08:00,2024-03-09 09:30,,0,Billing,chat
        T4,C2,2024-02-20 08:00,2024-02-20 08:10,2024-02-20 09:00,1,product,web
        T5,C3,2024-03-10 08:00,,,maybe,product,web
        """;

    [Fact]
    public async Task Tickets_read_blank_times_as_not_yet_and_yes_no_in_any_case()
    {
        var summary = await _db.ImportAsync(ImportKind.Tickets, Tickets,
            "id=Ticket,customer=Customer,submitted=Opened,first-response=FirstResponse,resolved=Resolved,complaint=Complaint,category=Type,channel=Channel");

        Assert.Equal(4, summary.Imported);
        Assert.Equal((6L, "complaint is not yes/no", "maybe"), (summary.RejectedLines[0].Line, summary.RejectedLines[0].Reason, summary.RejectedLines[0].Value));
        var report = await _db.Kpis.GetKpisAsync(March, DataScope.All, ["resolution_rate", "first_response_time"]);
        Assert.Equal(1m / 3m, report["resolution_rate"].Value);
        Assert.Equal(60m, report["first_response_time"].Value);
        Assert.Equal(["billing", "billing", "delivery", "product"], await _db.RowsAsync<string>("SELECT category FROM fact_ticket ORDER BY category"));
        Assert.Equal(2L, summary.CustomersCreated); // C1, C2 (C3's only line was rejected)
    }

    [Fact]
    public async Task Complaint_rate_counts_imported_complaints_over_customers_with_sales()
    {
        await _db.ImportAsync(ImportKind.OrderLines, OrderLineImportTests.Retail, OrderLineImportTests.Map);
        await _db.ImportAsync(ImportKind.Tickets, Tickets,
            "id=Ticket,customer=Customer,submitted=Opened,first-response=FirstResponse,resolved=Resolved,complaint=Complaint,channel=Channel");

        var report = await _db.Kpis.GetKpisAsync(March, DataScope.All, ["complaint_rate"]);

        Assert.Equal(1m / 2m, report["complaint_rate"].Value); // C1 complained (T1); active customers C1, C2
    }

    [Fact]
    public async Task Surveys_average_the_answers_and_a_reimport_replaces_them()
    {
        // S1 csat 80, recommend 10 (promoter); S2 csat 60, recommend 5 (detractor); S3 csat blank, recommend 9; S4 csat 101 rejected.
        const string surveys = "Id,Customer,Date,Csat,Nps\nS1,C1,2024-03-01,80,10\nS2,C2,2024-03-02,60,5\nS3,,2024-03-03,,9\nS4,C1,2024-03-04,101,9\n";
        const string map = "id=Id,customer=Customer,date=Date,csat=Csat,recommend=Nps";

        var summary = await _db.ImportAsync(ImportKind.Surveys, surveys, map);
        await _db.ImportAsync(ImportKind.Surveys, surveys, map);

        Assert.Equal("csat is outside 0–100", summary.RejectedLines.Single().Reason);
        Assert.Equal(3L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_survey"));
        var report = await _db.Kpis.GetKpisAsync(March, DataScope.All, ["csat", "nps"]);
        Assert.Equal(70m, report["csat"].Value); // (80 + 60) / 2
        Assert.Equal(100m * (2 - 1) / 3m, report["nps"].Value); // promoters S1, S3; detractor S2; 3 answers
    }
}
