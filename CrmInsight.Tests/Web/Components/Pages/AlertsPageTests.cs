using Bunit;
using CrmInsight.Domain;
using CrmInsight.Domain.Alerts;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Pages;
using CrmInsight.Web.Security;

namespace CrmInsight.Tests.Web.Components.Pages;

/// <summary>Alert rules on the data seam: the list and the writes go with the signed-in user's scope; the editor policy gates the form.</summary>
public sealed class AlertsPageTests
{
    private static readonly DataScope NorthLead = DataScope.ForTeams(IdSet.Of(1));

    private static AlertRule Rule(int id, string name, IdSet? teams) =>
        new() { Id = id, Name = name, KpiId = "churn_rate", Comparison = AlertComparison.Above, Threshold = 0.05m, ScopeTeams = teams };

    [Fact]
    public async Task A_lead_sees_only_the_rules_and_history_the_seam_returns_for_their_scope()
    {
        var data = new TestDashboardData
        {
            AlertRules = scope => scope.IsAll ? [Rule(1, "North churn", IdSet.Of(1)), Rule(2, "Company churn", null)] : [Rule(1, "North churn", IdSet.Of(1))],
        };
        await using var test = PageTestContext.Create(data, leadOf: [1]);

        var page = test.Render<AlertsPage>("/alerts");

        Assert.Equal(NorthLead, Assert.Single(data.CallsOf("alert-rules")).Scope);
        Assert.Equal((NorthLead, (object?)50), (Assert.Single(data.CallsOf("alert-history")).Scope, data.CallsOf("alert-history")[0].Argument));
        Assert.Single(page.FindAll("[data-testid=alert-rule-1]"));
        Assert.Empty(page.FindAll("[data-testid=alert-rule-2]"));
        Assert.Contains("North team", page.Find("[data-testid=alert-rule-1]").TextContent);
    }

    [Fact]
    public async Task Creating_a_rule_saves_the_draft_with_the_leads_scope_and_rereads_the_list()
    {
        var data = new TestDashboardData();
        await using var test = PageTestContext.Create(data, leadOf: [1]);
        test.Authorization.SetPolicies(Policies.AlertEditor);
        var page = test.Render<AlertsPage>("/alerts?period=month");

        await page.Find("[data-testid=alert-new]").ClickAsync(new());
        page.Find("input[data-testid=alert-name]").Change("North churn");
        page.Find("input[data-testid=alert-threshold]").Change("0.05");
        data.AlertRules = _ => [Rule(100, "North churn", IdSet.Of(1))];
        await page.Find("[data-testid=alert-save]").ClickAsync(new());

        var create = Assert.Single(data.CallsOf("create-alert-rule"));
        Assert.Equal(NorthLead, create.Scope);
        var (draft, createdBy) = ((AlertRuleDraft, string?))create.Argument!;
        Assert.Equal(("North churn", "churn_rate", 0.05m, "period=month", "tester"), (draft.Name, draft.KpiId, draft.Threshold, draft.FilterQuery, createdBy));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=alert-rule-100]")), PageTestContext.Patience);
        Assert.Empty(page.FindAll("[data-testid=alert-form]"));
        Assert.All(data.CallsOf("alert-rules"), c => Assert.Equal(NorthLead, c.Scope));
    }

    [Fact]
    public async Task A_refused_rule_shows_why_and_keeps_the_form_open()
    {
        var data = new TestDashboardData
        {
            SaveAlertRule = (_, _) => throw new AlertRejectedException([new AlertProblem("teams", new LocalizedText("Team 2 is outside your teams."), OutsideScope: true)]),
        };
        await using var test = PageTestContext.Create(data, leadOf: [1]);
        test.Authorization.SetPolicies(Policies.AlertEditor);
        var page = test.Render<AlertsPage>("/alerts");

        await page.Find("[data-testid=alert-new]").ClickAsync(new());
        page.Find("input[data-testid=alert-name]").Change("Too wide");
        await page.Find("[data-testid=alert-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Team 2 is outside your teams.", page.Find("[data-testid=alert-problem]").TextContent.Trim()), PageTestContext.Patience);
        Assert.Single(data.CallsOf("create-alert-rule"));
        Assert.Single(page.FindAll("[data-testid=alert-form]"));
        Assert.Single(data.CallsOf("alert-rules"));
    }

    [Fact]
    public async Task Without_the_editor_policy_there_is_no_form_and_no_edit_or_delete()
    {
        var data = new TestDashboardData { AlertRules = _ => [Rule(1, "North churn", IdSet.Of(1))] };
        await using var test = PageTestContext.Create(data);

        var page = test.Render<AlertsPage>("/alerts");

        Assert.Single(page.FindAll("[data-testid=alert-rule-1]"));
        Assert.Empty(page.FindAll("[data-testid=alert-new]"));
        Assert.Empty(page.Find("[data-testid=alert-rule-1]").QuerySelectorAll("button"));
    }

    [Fact]
    public async Task Deleting_a_rule_goes_through_the_seam_with_the_scope()
    {
        var data = new TestDashboardData { AlertRules = _ => [Rule(1, "North churn", IdSet.Of(1))] };
        await using var test = PageTestContext.Create(data, leadOf: [1]);
        test.Authorization.SetPolicies(Policies.AlertEditor);
        var page = test.Render<AlertsPage>("/alerts");

        await page.Find("[data-testid=alert-rule-1] button[aria-label=Delete]").ClickAsync(new());

        var delete = Assert.Single(data.CallsOf("delete-alert-rule"));
        Assert.Equal((NorthLead, (object?)1), (delete.Scope, delete.Argument));
        Assert.Equal(2, data.CallsOf("alert-rules").Count);
    }
}
