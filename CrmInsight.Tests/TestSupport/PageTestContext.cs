using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Alerts;
using CrmInsight.Web.Data;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Live;
using CrmInsight.Web.Security;
using CrmInsight.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// A bUnit context that renders a whole dashboard page on <see cref="TestDashboardData"/>: the
/// database ready, a signed-in analyst (all teams) or a sales lead of some teams, fake time (so a
/// failed load's retry waits until the test moves the clock), the page's address set first.
/// </summary>
public sealed class PageTestContext : IAsyncDisposable
{
    private PageTestContext(BunitContext context, BunitAuthorizationContext authorization, TestDashboardData data, FakeTimeProvider time)
    {
        Context = context;
        Authorization = authorization;
        Data = data;
        Time = time;
    }

    /// <summary>How long a page test waits for a condition: a loaded machine (the suite's parallel classes, other builds) can take seconds to render.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public BunitContext Context { get; }

    /// <summary>The signed-in user: grant a policy (ScorecardEditor, AlertEditor) with <c>SetPolicies</c>, as the server's policy would.</summary>
    public BunitAuthorizationContext Authorization { get; }

    public TestDashboardData Data { get; }

    public FakeTimeProvider Time { get; }

    public NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    /// <param name="leadOf">The teams of a signed-in sales lead; none: an analyst, who sees every team.</param>
    public static PageTestContext Create(TestDashboardData data, int[]? leadOf = null, string culture = "en-US")
    {
        var context = ComponentTestContext.Create(culture);
        var auth = context.AddAuthorization();
        auth.SetAuthorized("tester");
        if (leadOf is null)
        {
            auth.SetRoles(Roles.Analyst);
        }
        else
        {
            auth.SetRoles(Roles.SalesLead);
            auth.SetClaims([.. leadOf.Select(t => new Claim(CrmClaims.Team, t.ToString(CultureInfo.InvariantCulture)))]);
        }
        var time = new FakeTimeProvider(PinnedDays.Ordinary);
        var readiness = new DatabaseReadiness();
        readiness.MarkReady();
        context.Services.AddSingleton<IDashboardData>(data);
        context.Services.AddSingleton(readiness);
        context.Services.AddSingleton<TimeProvider>(time);
        context.Services.AddSingleton(Options.Create(new LiveOptions()));
        context.Services.AddSingleton(Options.Create(new WallOptions()));
        context.Services.AddSingleton<LiveRetry>();
        context.Services.AddScoped<FilterNavigator>();
        context.Services.AddSingleton<KpiCatalog>();
        context.Services.AddSingleton(Options.Create(new AlertOptions()));
        return new PageTestContext(context, auth, data, time);
    }

    /// <summary>Renders the page at this address (path and query), and waits until it is ready or shows its error.</summary>
    public IRenderedComponent<TPage> Render<TPage>(string address, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        Navigation.NavigateTo(address);
        var page = Context.Render<TPage>(parameters ?? (_ => { }));
        WaitUntilSettled(page);
        return page;
    }

    /// <summary>Waits for the page's data-state to say ready (every tile, chart and grid drawn, or the error shown).</summary>
    public static void WaitUntilSettled<TPage>(IRenderedComponent<TPage> page) where TPage : IComponent =>
        page.WaitForAssertion(() => Assert.Equal("ready", page.Find(".page-state").GetAttribute("data-state")), Patience);

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
