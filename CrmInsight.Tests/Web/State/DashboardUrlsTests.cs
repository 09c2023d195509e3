using CrmInsight.Domain.Drill;
using CrmInsight.Domain.Export;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Satisfaction;
using CrmInsight.Domain.Tables;
using CrmInsight.Domain.Targets;
using CrmInsight.Web.Api;
using CrmInsight.Web.State;

namespace CrmInsight.Tests.Web.State;

public sealed class DashboardUrlsTests
{
    /// <summary>A filter with every field away from its default.</summary>
    private static readonly DashboardFilter Busy = DashboardFilter.Default with
    {
        Preset = DatePreset.YearToDate,
        Comparison = ComparisonMode.SamePeriodLastYear,
        Regions = IdSet.Of(3, 5),
        Channels = IdSet.Of(2),
        Teams = IdSet.Of(1),
        Reps = IdSet.Of(7),
    };

    private static string? Value(string url, string key) =>
        DashboardUrls.QueryOf(url).LastOrDefault(kv => kv.Key == key).Value;

    private static DashboardFilter FilterOf(string url, DatePreset defaultPreset = DatePresets.Default)
    {
        var parsed = FilterQueryString.Parse(DashboardUrls.QueryOf(url), defaultPreset);
        Assert.Empty(parsed.Problems);
        return parsed.Filter;
    }

    [Fact]
    public void Every_destination_in_its_default_state_is_its_bare_path()
    {
        var plain = DashboardFilter.Default;
        Assert.Equal("/", DashboardUrls.Overview(plain));
        Assert.Equal("/contribution", DashboardUrls.Contribution(plain));
        Assert.Equal("/retention", DashboardUrls.Retention(plain));
        Assert.Equal("/satisfaction", DashboardUrls.Satisfaction(plain));
        Assert.Equal("/marketing", DashboardUrls.Marketing(plain));
        Assert.Equal("/drill", DashboardUrls.Drill(plain, DrillLevel.Region));
        Assert.Equal("/customers/42", DashboardUrls.Customer(42, plain));
        Assert.Equal("/wall", DashboardUrls.Wall(plain));
        // Sales targets opens on this month: that period is its default, the Overview's is not.
        Assert.Equal("/targets", DashboardUrls.Targets(plain.WithPreset(TargetsService.DefaultPreset)));
        Assert.Equal("/targets?period=90d", DashboardUrls.Targets(plain));
        // An export in the table's own order names neither sort nor direction.
        var table = TableCatalog.TopCustomers;
        Assert.Equal("/export/top-customers.csv", DashboardUrls.Export(table, ExportFormat.Csv, plain, table.DefaultSort, table.DefaultDescending, []));
    }

    [Fact]
    public void Each_page_url_reads_back_as_the_state_it_was_built_from()
    {
        Assert.Equal(Busy, FilterOf(DashboardUrls.Overview(Busy)));
        Assert.Equal("margin", Value(DashboardUrls.Overview(Busy, "margin"), DashboardUrls.Kpi));
        Assert.Equal(Busy, FilterOf(DashboardUrls.Contribution(Busy)));
        Assert.Equal(Busy, FilterOf(DashboardUrls.Retention(Busy)));
        Assert.Equal(Busy, FilterOf(DashboardUrls.Marketing(Busy)));
        Assert.Equal(Busy, FilterOf(DashboardUrls.Customer(9, Busy)));

        var targets = DashboardUrls.Targets(Busy, "attainment");
        Assert.Equal(Busy, FilterOf(targets, TargetsService.DefaultPreset));
        Assert.Equal("attainment", Value(targets, DashboardUrls.Kpi));

        foreach (var level in Enum.GetValues<DrillLevel>())
        {
            var drill = DashboardUrls.Drill(Busy, level);
            Assert.Equal(Busy, FilterOf(drill));
            Assert.Equal(level, DrillLevels.FromUrlName(Value(drill, TableExtras.Level)) ?? DrillLevel.Region);
        }

        var tickets = DashboardUrls.Satisfaction(Busy, ServiceDimension.Category, "Billing");
        Assert.Equal(Busy, FilterOf(tickets));
        Assert.Equal(ServiceDimension.Category, ServiceDimensions.FromUrlName(Value(tickets, TableExtras.TicketBy)));
        Assert.Equal("Billing", Value(tickets, TableExtras.TicketMember));

        var wall = DashboardUrls.Wall(Busy, "sales,service", 45);
        Assert.Equal(Busy, FilterOf(wall));
        Assert.Equal("sales,service", Value(wall, DashboardUrls.Views));
        Assert.Equal("45", Value(wall, DashboardUrls.Interval));
    }

    [Fact]
    public void A_ticket_list_needs_both_its_breakdown_and_its_member()
    {
        Assert.Equal("/satisfaction", DashboardUrls.Satisfaction(DashboardFilter.Default, ServiceDimension.Agent, null));
        Assert.Equal("/satisfaction", DashboardUrls.Satisfaction(DashboardFilter.Default, null, "12"));
        Assert.Equal("/satisfaction?ticket_by=agent&ticket_member=12", DashboardUrls.Satisfaction(DashboardFilter.Default, ServiceDimension.Agent, "12"));
    }

    [Fact]
    public void Names_in_an_address_are_escaped_and_read_back_exactly()
    {
        const string name = "Billing & refunds = 50% / 退款?#";
        var url = DashboardUrls.Satisfaction(DashboardFilter.Default, ServiceDimension.Category, name);
        // Nothing of the name can end the value, start another key or cut the address.
        Assert.Equal("/satisfaction?ticket_by=category&ticket_member=Billing%20%26%20refunds%20%3D%2050%25%20%2F%20%E9%80%80%E6%AC%BE%3F%23", url);
        Assert.Equal(name, Value(url, TableExtras.TicketMember));
        // And it survives a grid's state being written into the same address.
        var sorted = DashboardUrls.WithTable(url, TableCatalog.Tickets, new TableView("response_minutes", false, 2, 10), 10);
        Assert.Equal(name, Value(sorted, TableExtras.TicketMember));
    }

    [Fact]
    public void Every_sortable_column_direction_page_and_size_of_every_table_round_trips()
    {
        foreach (var table in TableCatalog.All)
        {
            foreach (var column in table.Columns.Where(c => c.Sortable))
            {
                foreach (var (descending, page, size) in new[] { (false, 0, 25), (true, 3, 10), (false, 11, 100) })
                {
                    var view = new TableView(column.Field, descending, page, size);
                    var url = DashboardUrls.WithTable(DashboardUrls.Marketing(Busy), table, view, defaultPageSize: 25);
                    var problems = new List<FilterProblem>();
                    Assert.Equal(view, DashboardUrls.ReadTable(DashboardUrls.QueryOf(url), table, 25, problems));
                    Assert.Empty(problems);
                    Assert.Equal(Busy, FilterOf(url)); // the grid's keys leave the filter alone
                }
            }
        }
    }

    [Fact]
    public void A_grid_in_its_default_state_adds_nothing_and_only_what_differs_is_written()
    {
        var table = TableCatalog.Campaigns; // roi, descending
        Assert.Equal("/marketing", DashboardUrls.WithTable("/marketing", table, TableView.Default(table, 25), 25));
        Assert.Equal("/marketing?campaigns.page=3", DashboardUrls.WithTable("/marketing", table, TableView.Default(table, 25) with { Page = 2 }, 25));
        Assert.Equal("/marketing?campaigns.size=50", DashboardUrls.WithTable("/marketing", table, TableView.Default(table, 25) with { PageSize = 50 }, 25));
        // Sort and direction go together once either differs, as the export takes them.
        Assert.Equal("/marketing?campaigns.sort=roi&campaigns.desc=0", DashboardUrls.WithTable("/marketing", table, new TableView("roi", false, 0, 25), 25));
        Assert.Equal("/marketing?campaigns.sort=spend&campaigns.desc=1", DashboardUrls.WithTable("/marketing", table, new TableView("spend", true, 0, 25), 25));
        // The default page size is the grid's own (some show ten rows).
        Assert.Equal("/marketing?campaigns.size=25", DashboardUrls.WithTable("/marketing", table, TableView.Default(table, 25), 10));
    }

    [Fact]
    public void Writing_one_grid_keeps_every_other_key_and_replaces_its_own()
    {
        const string url = "http://127.0.0.1:5000/marketing?period=ytd&campaign=4&campaign-customers.page=2&campaigns.page=5&campaigns.sort=spend&campaigns.desc=1";
        var written = DashboardUrls.WithTable(url, TableCatalog.Campaigns, TableView.Default(TableCatalog.Campaigns, 25) with { Page = 1 }, 25);
        Assert.Equal("/marketing?period=ytd&campaign=4&campaign-customers.page=2&campaigns.page=2", written);
    }

    [Fact]
    public void A_bad_sort_direction_page_or_size_is_named_and_changes_nothing()
    {
        var table = TableCatalog.Campaigns;
        var problems = new List<FilterProblem>();
        var query = DashboardUrls.QueryOf("/marketing?campaigns.sort=name;drop&campaigns.desc=2&campaigns.page=0&campaigns.size=7");
        Assert.Equal(TableView.Default(table, 25), DashboardUrls.ReadTable(query, table, 25, problems));
        Assert.Equal(
            ["campaigns.sort=name;drop", "campaigns.desc=2", "campaigns.page=0", "campaigns.size=7"],
            problems.Select(p => $"{p.Parameter}={p.Value}"));
        Assert.All(problems, p => Assert.Equal(FilterProblemKind.Malformed, p.Kind));

        // A column that exists but does not sort, a negative page and a word are refused the same way.
        problems.Clear();
        var unsortable = DashboardUrls.QueryOf("/marketing?campaigns.sort=responses&campaigns.page=-1&campaigns.size=ten");
        Assert.Equal(TableView.Default(table, 25), DashboardUrls.ReadTable(unsortable, table, 25, problems));
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void A_column_named_alone_sorts_in_its_first_direction()
    {
        var problems = new List<FilterProblem>();
        var table = TableCatalog.Campaigns;
        Assert.Equal(new TableView("spend", false, 0, 25), DashboardUrls.ReadTable(DashboardUrls.QueryOf("/m?campaigns.sort=SPEND"), table, 25, problems));
        Assert.Equal(new TableView("roi", true, 0, 25), DashboardUrls.ReadTable(DashboardUrls.QueryOf("/m?campaigns.sort=roi"), table, 25, problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void A_new_filter_sends_every_grid_to_its_first_page_in_the_same_sort()
    {
        const string current = "/marketing?period=ytd&campaigns.sort=spend&campaigns.desc=1&campaigns.page=4&campaigns.size=50&campaign-customers.page=2";
        var next = DashboardUrls.WithFilter(DashboardUrls.Marketing(DashboardFilter.Default.WithPreset(DatePreset.Last30Days)), current);
        Assert.Equal("/marketing?period=30d&campaigns.sort=spend&campaigns.desc=1&campaigns.size=50", next);
        // Opening a panel keeps the grids where they are.
        Assert.Equal(
            "/targets?kpi=pace&campaigns.sort=spend&campaigns.desc=1&campaigns.page=4&campaigns.size=50&campaign-customers.page=2",
            DashboardUrls.KeepTables(DashboardUrls.Targets(DashboardFilter.Default.WithPreset(TargetsService.DefaultPreset), "pace"), current, firstPages: false));
    }

    [Fact]
    public void Addresses_that_differ_only_in_a_grid_show_the_same_page_data()
    {
        Assert.Equal(
            DashboardUrls.WithoutTables("http://h/marketing?period=ytd&campaigns.page=4"),
            DashboardUrls.WithoutTables("http://h/marketing?campaigns.sort=spend&period=ytd"));
        Assert.NotEqual(
            DashboardUrls.WithoutTables("http://h/marketing?period=ytd"),
            DashboardUrls.WithoutTables("http://h/marketing?period=30d"));
        // A key that merely contains a dot is not a grid's.
        Assert.Equal("/x?a.b=1", DashboardUrls.WithoutTables("/x?a.b=1&t.page=2"));
    }

    [Fact]
    public void An_export_is_in_the_order_the_grid_shows_as_the_endpoint_reads_it()
    {
        foreach (var table in TableCatalog.All)
        {
            foreach (var column in table.Columns.Where(c => c.Sortable))
            {
                foreach (var descending in new[] { false, true })
                {
                    var url = DashboardUrls.Export(table, ExportFormat.Xlsx, Busy, column.Field, descending, []);
                    Assert.StartsWith($"/export/{table.Name}.xlsx?", url);
                    Assert.Equal(Busy, FilterOf(url));
                    // What ExportEndpoints does with the two values (a missing one is null there).
                    var desc = Value(url, DashboardUrls.Descending);
                    var request = table.All(Value(url, DashboardUrls.Sort), desc is null ? null : desc == "1");
                    Assert.Equal((column.Field, descending), (request.Sort, request.Descending));
                }
            }
        }
        var drill = DashboardUrls.Export(TableCatalog.Drill, ExportFormat.Csv, DashboardFilter.Default, "revenue", true, [(TableExtras.Level, "team")]);
        Assert.Equal("/export/drill.csv?level=team", drill);
    }
}
