using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Satisfaction;
using CrmInsight.Domain.Tables;
using CrmInsight.Web.Api;
using CrmInsight.Web.Components.Shared;
using CrmInsight.Web.Components.Tables;

namespace CrmInsight.Web.Components.Pages;

/// <summary>
/// Are customers satisfied and is service fast (KPIS.md §3): service KPIs, CSAT/NPS trends, bands,
/// service by channel, category and agent, churned vs retained, and the tickets behind them.
/// The ticket list's channel, category or agent is in the URL (ticket_by, ticket_member).
/// </summary>
public sealed partial class SatisfactionPage : DashboardPage
{
    private SatisfactionData? _data;
    private ServiceDimension? _ticketBy;
    private string? _ticketMember;
    private int _tab;

    private TableSpec<TicketRowKey> Tickets => TableExtras.TicketsOf(_ticketBy, _ticketMember);

    /// <summary>An agent is selected by id; show their name when the breakdown has it.</summary>
    private string? TicketLabel => _ticketBy == ServiceDimension.Agent
        ? _data?.Breakdowns.FirstOrDefault(b => b.Dimension == ServiceDimension.Agent)?.Rows.FirstOrDefault(r => r.Key == _ticketMember)?.Member ?? _ticketMember
        : _ticketMember;

    protected override async Task LoadDataAsync(CancellationToken cancellationToken)
    {
        var by = Urls.CurrentValue(TableExtras.TicketBy);
        _ticketBy = ServiceDimensions.FromUrlName(by);
        if (by is not null && _ticketBy is null)
        {
            ReportProblem(new FilterProblem(FilterProblemKind.Malformed, TableExtras.TicketBy, by));
        }
        _ticketMember = _ticketBy is null ? null : Urls.CurrentValue(TableExtras.TicketMember);
        if (_ticketBy is { } dimension)
        {
            _tab = (int)dimension;
        }
        _data = await Data.GetSatisfactionAsync(Filter, Scope, cancellationToken);
    }

    protected override string PageUrl(DashboardFilter filter) => State.DashboardUrls.Satisfaction(filter, _ticketBy, _ticketMember);

    private string TabTitle(ServiceDimension dimension) => dimension switch
    {
        ServiceDimension.Channel => L["By service channel"],
        ServiceDimension.Category => L["By issue category"],
        _ => L["By agent"],
    };

    private string ColumnTitle(ServiceDimension dimension) => dimension switch
    {
        ServiceDimension.Channel => L["Service channel"],
        ServiceDimension.Category => L["Issue category"],
        _ => L["Agent"],
    };

    private void OpenTickets(ServiceDimension? dimension, ServiceRow? row)
    {
        _ticketBy = row is null ? null : dimension;
        _ticketMember = row?.Key;
        ApplyFilter(Filter);
    }

    private void OpenTicketCustomer(TicketRowKey row)
    {
        if (row.CustomerId is { } customer)
        {
            OpenCustomer(customer);
        }
    }
}
