using Bunit;
using CrmInsight.Domain.Drill;
using CrmInsight.Domain.Filters;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Shared;

namespace CrmInsight.Tests.Web.Components.Shared;

public sealed class DrillBreadcrumbTests
{
    private static readonly DashboardFilter Base = DashboardFilter.Default with { Preset = DatePreset.YearToDate, Channels = IdSet.Of(2) };

    private static readonly IReadOnlyList<DrillCrumb> Crumbs =
    [
        new("All regions", DrillLevel.Region, Base, false),
        new("East China", DrillLevel.Team, Base with { Regions = IdSet.Of(1) }, false),
        new("East China Key Accounts", DrillLevel.Rep, Base with { Regions = IdSet.Of(1), Teams = IdSet.Of(1) }, true),
    ];

    [Fact]
    public async Task Earlier_steps_are_links_that_keep_the_filters_and_the_current_step_is_text()
    {
        await using var context = ComponentTestContext.Create();

        var breadcrumb = context.Render<DrillBreadcrumb>(p => p.Add(b => b.Crumbs, Crumbs));

        var links = breadcrumb.FindAll("[data-testid=crumb]");
        Assert.Equal(["All regions", "East China"], links.Select(l => l.TextContent.Trim()));
        Assert.Equal("/drill?period=ytd&channel=2", links[0].GetAttribute("href"));
        Assert.Equal("/drill?period=ytd&region=1&channel=2&level=team", links[1].GetAttribute("href"));
        Assert.Equal("East China Key Accounts", breadcrumb.Find("[data-testid=crumb-current]").TextContent.Trim());
    }

    [Fact]
    public async Task A_tail_names_the_customer_after_the_last_level()
    {
        await using var context = ComponentTestContext.Create();
        var customerPath = Crumbs.Select(c => c with { IsCurrent = false }).ToList();

        var breadcrumb = context.Render<DrillBreadcrumb>(p => p.Add(b => b.Crumbs, customerPath).Add(b => b.Tail, "Jie Yang"));

        Assert.Equal(3, breadcrumb.FindAll("[data-testid=crumb]").Count);
        Assert.Equal("Jie Yang", breadcrumb.Find("[data-testid=crumb-current]").TextContent.Trim());
    }
}
