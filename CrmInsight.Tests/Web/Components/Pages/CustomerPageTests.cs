using Bunit;
using CrmInsight.Domain.Customers;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Tables;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Pages;

namespace CrmInsight.Tests.Web.Components.Pages;

/// <summary>The customer 360° page on the data seam: what it asks for, and what it shows for the view model it gets.</summary>
public sealed class CustomerPageTests
{
    [Fact]
    public async Task The_customer_and_the_filter_of_the_address_reach_the_read_and_the_orders_grid_and_its_export()
    {
        var data = new TestDashboardData { Customer = (id, _) => PageModels.Customer(id) };
        data.SetTable(TableCatalog.CustomerOrders, new TableRow<OrderRowKey>(new OrderRowKey(7), [new("O7"), new(Date: new DateOnly(2024, 3, 20)),
            new("web"), new("tea"), new(), new(Number: 100m), new(Number: 40m), new(Number: 2m), new(Number: 0m), new("completed")]));
        await using var test = PageTestContext.Create(data);

        var page = test.Render<CustomerPage>("/customers/42?region=1", p => p.Add(c => c.CustomerId, 42L));

        var read = Assert.Single(data.CallsOf("customer"));
        Assert.Equal(42L, read.Argument);
        Assert.Equal(IdSet.Of(1), read.Filter.Regions);
        var grid = Assert.Single(data.CallsOf("table:customer-orders"));
        Assert.Equal(42L, Assert.Single(data.SpecsOf(TableCatalog.CustomerOrders)).Arguments.Value("customer_id"));
        Assert.Equal(IdSet.Of(1), grid.Filter.Regions);
        // The export downloads what the grid shows: the same customer and filter.
        var export = page.Find("[data-testid=export-csv-customer-orders]").GetAttribute("href")!;
        Assert.Contains("customer=42", export, StringComparison.Ordinal);
        Assert.Contains("region=1", export, StringComparison.Ordinal);
        Assert.Contains("O7", page.Find("[data-testid=table-customer-orders]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_outside_the_scope_or_unknown_says_so_and_shows_no_profile()
    {
        var data = new TestDashboardData { Customer = (_, _) => null };
        await using var test = PageTestContext.Create(data, leadOf: [1]);

        var page = test.Render<CustomerPage>("/customers/9", p => p.Add(c => c.CustomerId, 9L));

        Assert.Contains("There is no customer 9", page.Find("[data-testid=customer-missing]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=customer-profile]"));
        Assert.Equal(IdSet.Of(1), Assert.Single(data.CallsOf("customer")).Scope.Teams);
    }

    [Fact]
    public async Task The_profile_joins_what_is_recorded_and_says_missing_for_no_contact()
    {
        var customer = PageModels.Customer() is var c ? c with { Profile = c.Profile with { Email = null, Phone = null, City = null } } : null!;
        await using var test = PageTestContext.Create(new TestDashboardData { Customer = (_, _) => customer });

        var page = test.Render<CustomerPage>("/customers/1", p => p.Add(x => x.CustomerId, 1L));

        var profile = page.Find("[data-testid=customer-profile]").TextContent;
        Assert.Contains("East China", profile, StringComparison.Ordinal); // no city: the region alone, no dangling " · "
        Assert.DoesNotContain("· East China", profile, StringComparison.Ordinal);
        Assert.Contains("Li Wei · North team", profile, StringComparison.Ordinal);
        Assert.Contains("missing", profile, StringComparison.Ordinal);
        Assert.Equal("Ann", page.Find("[data-testid=crumb-current]").TextContent.Trim());
    }

    [Fact]
    public async Task History_flags_a_complaint_ticket_shows_a_surveys_score_and_says_when_there_is_none()
    {
        CustomerEvent[] history =
        [
            new(CustomerEventKind.Ticket, new DateOnly(2024, 3, 6), "T1", "billing", "email", "resolved", null, Complaint: true),
            new(CustomerEventKind.Survey, new DateOnly(2024, 3, 5), "S1", "service", null, "promoter", 90m, Complaint: false),
            new(CustomerEventKind.Ticket, new DateOnly(2024, 3, 4), "T2", "delivery", "chat", "open", null, Complaint: false),
        ];
        var data = new TestDashboardData { Customer = (_, _) => PageModels.Customer(history: history) };
        await using var test = PageTestContext.Create(data);

        var page = test.Render<CustomerPage>("/customers/1", p => p.Add(x => x.CustomerId, 1L));

        var rows = page.FindAll("[data-testid=customer-history] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["3/6/2024", "Service ticket", "T1", "billing · email", "resolved", "⚑"], rows[0]);
        Assert.Equal(["3/5/2024", "Survey", "S1", "service", "promoter", "90"], rows[1]);
        Assert.Equal("", rows[2][5]); // not a complaint: no flag

        data.Customer = (_, _) => PageModels.Customer();
        await data.RaiseDataChangedAsync(); // a live change: the history was emptied
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=customer-history]")), PageTestContext.Patience);
        Assert.Contains("Nothing recorded yet.", page.Markup, StringComparison.Ordinal);
    }
}
