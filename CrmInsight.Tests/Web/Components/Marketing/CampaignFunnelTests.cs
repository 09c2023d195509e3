using Bunit;
using CrmInsight.Domain.Marketing;
using CrmInsight.Domain.Sql;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Marketing;

namespace CrmInsight.Tests.Web.Components.Marketing;

public sealed class CampaignFunnelTests
{
    private static SqlRow Touches(long targeted, long responders, long respondedConverted) => new(new Dictionary<string, object?>
    {
        ["targeted"] = targeted,
        ["responders"] = responders,
        ["converted"] = respondedConverted + 7, // every targeted buyer: not the funnel's last step
        ["responded_converted"] = respondedConverted,
    });

    [Fact]
    public async Task Each_stage_shows_its_customers_share_of_targeted_and_step_rate()
    {
        await using var context = ComponentTestContext.Create();

        var funnel = context.Render<CampaignFunnel>(p => p.Add(f => f.Stages, MarketingService.Funnel(Touches(2000, 500, 100))));

        Assert.Equal(["2,000", "500", "100"], funnel.FindAll("[data-testid=funnel-count]").Select(e => e.TextContent.Trim()));
        Assert.Equal(["width:100%", "width:25%", "width:5%"], funnel.FindAll(".funnel-bar").Select(e => e.GetAttribute("style")));
        // 500 of 2,000 responded; 100 of those 500 bought.
        Assert.Equal(["25.0% of the step before", "20.0% of the step before"],
            funnel.FindAll("[data-testid=funnel-step]").Select(e => e.TextContent.Trim().TrimStart('·').Trim()));
        Assert.Contains("5.0%", funnel.Find("[data-testid=funnel-converted] [data-testid=funnel-share]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stage_with_nobody_still_shows_a_sliver_and_no_step_rate_after_an_empty_one()
    {
        await using var context = ComponentTestContext.Create();

        var funnel = context.Render<CampaignFunnel>(p => p.Add(f => f.Stages, MarketingService.Funnel(Touches(10, 0, 0))));

        Assert.Equal(["width:100%", "width:2%", "width:2%"], funnel.FindAll(".funnel-bar").Select(e => e.GetAttribute("style")));
        Assert.Equal(["0.0% of the step before", "— of the step before"],
            funnel.FindAll("[data-testid=funnel-step]").Select(e => e.TextContent.Trim().TrimStart('·').Trim()));
    }

    [Fact]
    public async Task Nobody_targeted_says_so()
    {
        await using var context = ComponentTestContext.Create();

        var funnel = context.Render<CampaignFunnel>(p => p.Add(f => f.Stages, MarketingService.Funnel(null)));

        Assert.NotNull(funnel.Find("[data-testid=funnel-empty]"));
        Assert.Empty(funnel.FindAll(".funnel-bar"));
    }
}
