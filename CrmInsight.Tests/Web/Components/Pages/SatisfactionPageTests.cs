using Bunit;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Tables;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Pages;
using CrmInsight.Web.Components.Tables;

namespace CrmInsight.Tests.Web.Components.Pages;

/// <summary>The Satisfaction page on the data seam: the ticket list's channel, category or agent lives in the URL.</summary>
public sealed class SatisfactionPageTests
{
    private static TableSpec<TicketRowKey> LastTicketSpec(TestDashboardData data) => data.SpecsOf(TableCatalog.Tickets)[^1];

    [Fact]
    public async Task The_agent_of_the_address_selects_the_tickets_names_the_agent_and_goes_into_the_export()
    {
        var data = new TestDashboardData { Satisfaction = _ => PageModels.Satisfaction() };
        await using var test = PageTestContext.Create(data);

        var page = test.Render<SatisfactionPage>("/satisfaction?ticket_by=agent&ticket_member=5");

        var spec = LastTicketSpec(data);
        Assert.Equal(("agent", "5"), (spec.Arguments.Value("ticket_by"), spec.Arguments.Value("ticket_member")));
        Assert.Equal("Agent: Wang Fang", page.Find("[data-testid=ticket-selection]").TextContent.Trim()); // the id shown by name
        var export = page.Find("[data-testid=export-csv-tickets]").GetAttribute("href")!;
        Assert.Contains("ticket_by=agent&ticket_member=5", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_row_selects_its_tickets_and_closing_the_chip_shows_every_ticket_again()
    {
        var data = new TestDashboardData { Satisfaction = _ => PageModels.Satisfaction() };
        await using var test = PageTestContext.Create(data);
        var page = test.Render<SatisfactionPage>("/satisfaction?region=1");
        Assert.Equal(("", ""), (LastTicketSpec(data).Arguments.Value("ticket_by"), LastTicketSpec(data).Arguments.Value("ticket_member")));

        await page.Find("[data-testid=service-channel] [data-testid=service-row]").ClickAsync(new());
        Assert.Equal("http://localhost/satisfaction?region=1&ticket_by=channel&ticket_member=email", test.Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal("email", LastTicketSpec(data).Arguments.Value("ticket_member")), PageTestContext.Patience);

        await page.Find("[data-testid=ticket-selection] .mud-chip-close-button").ClickAsync(new());
        Assert.Equal("http://localhost/satisfaction?region=1", test.Navigation.Uri);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=ticket-selection]")), PageTestContext.Patience);
        page.WaitForAssertion(() => Assert.Equal("", LastTicketSpec(data).Arguments.Value("ticket_by")), PageTestContext.Patience);
    }

    [Fact]
    public async Task An_unknown_breakdown_is_named_and_every_ticket_shown()
    {
        var data = new TestDashboardData { Satisfaction = _ => PageModels.Satisfaction() };
        await using var test = PageTestContext.Create(data);

        var page = test.Render<SatisfactionPage>("/satisfaction?ticket_by=mood&ticket_member=x");

        Assert.Contains("'mood' is not a valid value for 'ticket_by'", page.Find("[data-testid=filter-problems]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=ticket-selection]"));
        Assert.Equal("", LastTicketSpec(data).Arguments.Value("ticket_member"));
    }

    [Fact]
    public async Task A_ticket_opens_its_customers_page_and_one_without_a_customer_opens_nothing()
    {
        var data = new TestDashboardData { Satisfaction = _ => PageModels.Satisfaction() };
        data.SetTable(TableCatalog.Tickets,
            PageModels.Row(TableCatalog.Tickets, new TicketRowKey(1, null), ("ticket_code", "T1")),
            PageModels.Row(TableCatalog.Tickets, new TicketRowKey(2, 4), ("ticket_code", "T2")));
        await using var test = PageTestContext.Create(data);
        var page = test.Render<SatisfactionPage>("/satisfaction");

        await page.FindAll("[data-testid=table-tickets] tbody tr")[0].ClickAsync(new());
        Assert.Equal("http://localhost/satisfaction", test.Navigation.Uri);

        await page.FindAll("[data-testid=table-tickets] tbody tr")[1].ClickAsync(new());
        Assert.Equal("http://localhost/customers/4", test.Navigation.Uri);
    }
}
