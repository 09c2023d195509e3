using System.Globalization;
using CrmInsight.Domain;
using CrmInsight.Domain.Customers;
using CrmInsight.Domain.Drill;
using CrmInsight.Domain.Kpis;
using CrmInsight.Web.Components.Shared;
using CrmInsight.Web.Formatting;
using Microsoft.AspNetCore.Components;

namespace CrmInsight.Web.Components.Pages;

/// <summary>One customer's 360° view, the last step of the drill: who they are, their sales and orders, service, surveys and campaigns.</summary>
public sealed partial class CustomerPage : DashboardPage
{
    private CustomerView? _view;
    private bool _missing;
    private IReadOnlyList<DrillCrumb> _crumbs = [];

    [Parameter]
    public long CustomerId { get; set; }

    protected override string PageUrl(Domain.Filters.DashboardFilter filter) => State.DashboardUrls.Customer(CustomerId, filter);

    protected override async Task LoadDataAsync(CancellationToken cancellationToken)
    {
        _view = await Data.GetCustomerAsync(CustomerId, Filter, Scope, cancellationToken);
        _missing = _view is null;
        _crumbs = DrillPath.Crumbs(Filter, DrillLevel.Customer, Catalog, DrillLevel.Region.AllMembers().For(CultureInfo.CurrentUICulture))
            .Select(c => c with { IsCurrent = false })
            .ToList();
    }

    private string Money(decimal? value) => Format.Format(value, KpiUnit.Money, CultureInfo.CurrentCulture);

    private static string? Join(string? first, string? second) =>
        (first, second) switch
        {
            (null, null) => null,
            ({ } a, null) => a,
            (null, { } b) => b,
            ({ } a, { } b) => $"{a} · {b}",
        };

    private static string Kind(CustomerEventKind kind) => kind switch
    {
        CustomerEventKind.Ticket => "Service ticket",
        CustomerEventKind.Survey => "Survey",
        _ => "Campaign",
    };

    /// <summary>A survey's CSAT, a flag for a complaint ticket.</summary>
    private static string Score(CustomerEvent entry) =>
        entry.Complaint ? "⚑" : entry.Score?.ToString("N0", CultureInfo.CurrentCulture) ?? "";
}
