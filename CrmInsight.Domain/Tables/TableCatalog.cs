namespace CrmInsight.Domain.Tables;

/// <summary>
/// The tables pages show and export, by name (the name is the export URL's). Titles and headers
/// are Web resources: <c>table.&lt;name&gt;.title</c> and <c>table.&lt;name&gt;.&lt;field&gt;</c>.
/// </summary>
public static class TableCatalog
{
    public static readonly TableDefinition<CustomerRowKey> TopCustomers = new(
        "top-customers",
        "contribution/customers",
        [
            new("customer_code", ColumnKind.Text, Sortable: false),
            new("name", ColumnKind.Text),
            new("region", ColumnKind.Text, Sortable: false),
            new("segment", ColumnKind.Text, Sortable: false),
            new("owner", ColumnKind.Text, Sortable: false),
            new("revenue", ColumnKind.Money),
            new("gross_profit", ColumnKind.Money),
            new("orders", ColumnKind.Count),
            new("last_order", ColumnKind.Date),
        ],
        DefaultSort: "revenue",
        DefaultDescending: true,
        Key: r => new CustomerRowKey(r.GetInt64("customer_id")));

    /// <summary>One drill level (regions, teams, reps or customers); takes <c>@level</c>.</summary>
    public static readonly TableDefinition<DrillRowKey> Drill = new(
        "drill",
        "drill/members",
        [
            new("name", ColumnKind.Text),
            new("revenue", ColumnKind.Money),
            new("revenue_share", ColumnKind.Fraction, Sortable: false),
            new("gross_profit", ColumnKind.Money),
            new("orders", ColumnKind.Count),
            new("customers", ColumnKind.Count),
        ],
        DefaultSort: "revenue",
        DefaultDescending: true,
        Key: r => new DrillRowKey(r.GetDecimal("member_id") is { } id ? (long)id : null));

    /// <summary>One customer's orders in the period; takes <c>@customer_id</c>.</summary>
    public static readonly TableDefinition<OrderRowKey> CustomerOrders = new(
        "customer-orders",
        "customer/orders",
        [
            new("order_code", ColumnKind.Text, Sortable: false),
            new("order_date", ColumnKind.Date),
            new("channel", ColumnKind.Text, Sortable: false),
            new("category", ColumnKind.Text, Sortable: false),
            new("campaign", ColumnKind.Text, Sortable: false),
            new("revenue", ColumnKind.Money),
            new("gross_profit", ColumnKind.Money, Sortable: false),
            new("items", ColumnKind.Count),
            new("returned_value", ColumnKind.Money, Sortable: false),
            new("status", ColumnKind.Text, Sortable: false),
        ],
        DefaultSort: "order_date",
        DefaultDescending: true,
        Key: r => new OrderRowKey(r.GetInt64("order_id")));

    /// <summary>Customers active in the comparison period and not in the period (churn_rate's numerator).</summary>
    public static readonly TableDefinition<CustomerRowKey> ChurnedCustomers = new(
        "churned-customers",
        "retention/churned",
        [
            new("customer_code", ColumnKind.Text, Sortable: false),
            new("name", ColumnKind.Text),
            new("region", ColumnKind.Text, Sortable: false),
            new("segment", ColumnKind.Text, Sortable: false),
            new("last_order", ColumnKind.Date),
            new("lifetime_revenue", ColumnKind.Money),
            new("lifetime_orders", ColumnKind.Count, Sortable: false),
            new("last_csat", ColumnKind.Count),
        ],
        DefaultSort: "lifetime_revenue",
        DefaultDescending: true,
        Key: r => new CustomerRowKey(r.GetInt64("customer_id")));

    /// <summary>Tickets submitted in the period; takes <c>@ticket_by</c> and <c>@ticket_member</c> ('' = every ticket).</summary>
    public static readonly TableDefinition<TicketRowKey> Tickets = new(
        "tickets",
        "satisfaction/tickets",
        [
            new("ticket_code", ColumnKind.Text, Sortable: false),
            new("customer_code", ColumnKind.Text, Sortable: false),
            new("customer", ColumnKind.Text, Sortable: false),
            new("channel", ColumnKind.Text, Sortable: false),
            new("category", ColumnKind.Text, Sortable: false),
            new("agent", ColumnKind.Text, Sortable: false),
            new("submitted_at", ColumnKind.Date),
            new("response_minutes", ColumnKind.Number),
            new("resolution_hours", ColumnKind.Number),
            new("is_complaint", ColumnKind.Count, Sortable: false),
        ],
        DefaultSort: "submitted_at",
        DefaultDescending: true,
        Key: r => new TicketRowKey(r.GetInt64("ticket_id"), r.GetDecimal("customer_id") is { } id ? (long)id : null));

    /// <summary>
    /// Every campaign active in the period with its money and ratios first (what a campaign is judged by),
    /// then its funnel (KPIS.md §4). The ratios are the marketing KPIs themselves, for that campaign:
    /// the catalog's formulas over the row's measures.
    /// </summary>
    public static readonly TableDefinition<CampaignRowKey> Campaigns = new(
        "campaigns",
        "marketing/campaigns",
        [
            new("name", ColumnKind.Text),
            new("roi", ColumnKind.Fraction, Kpi: "roi"),
            new("attributed_revenue", ColumnKind.Money),
            new("spend", ColumnKind.Money),
            new("cac", ColumnKind.Money, Kpi: "cac"),
            new("cost_per_response", ColumnKind.Money, Kpi: "cost_per_response"),
            new("response_rate", ColumnKind.Fraction, Kpi: "response_rate"),
            new("conversion_rate", ColumnKind.Fraction, Kpi: "conversion_rate"),
            new("reach", ColumnKind.Count),
            new("responses", ColumnKind.Count, Sortable: false),
            new("conversions", ColumnKind.Count, Sortable: false),
            new("new_customers", ColumnKind.Count),
        ],
        DefaultSort: "roi",
        DefaultDescending: true,
        Key: r => new CampaignRowKey((int)r.GetInt64("campaign_id")));

    /// <summary>The customers the selected campaigns touched in the period (all campaigns without a campaign filter).</summary>
    public static readonly TableDefinition<CustomerRowKey> CampaignCustomers = new(
        "campaign-customers",
        "marketing/campaign_customers",
        [
            new("customer_code", ColumnKind.Text, Sortable: false),
            new("name", ColumnKind.Text),
            new("region", ColumnKind.Text, Sortable: false),
            new("touches", ColumnKind.Count, Sortable: false),
            new("first_touch", ColumnKind.Date),
            new("responded", ColumnKind.Count, Sortable: false),
            new("converted", ColumnKind.Count, Sortable: false),
            new("orders", ColumnKind.Count, Sortable: false),
            new("revenue", ColumnKind.Money),
        ],
        DefaultSort: "revenue",
        DefaultDescending: true,
        Key: r => new CustomerRowKey(r.GetInt64("customer_id")));

    /// <summary>Reps (one row per rep and team) against quota in the period, ranked by attainment (KPIS.md §5).</summary>
    public static readonly TableDefinition<LeaderboardRowKey> Leaderboard = new(
        "leaderboard",
        "targets/leaderboard",
        [
            new("leader_rank", ColumnKind.Count),
            new("rep", ColumnKind.Text),
            new("team", ColumnKind.Text),
            new("rep_revenue", ColumnKind.Money),
            new("quota", ColumnKind.Money),
            new("attainment", ColumnKind.Fraction),
            new("pace", ColumnKind.Fraction),
            new("win_rate", ColumnKind.Fraction),
            new("weighted_pipeline", ColumnKind.Money),
            new("coverage", ColumnKind.Number),
            new("activities", ColumnKind.Count),
        ],
        DefaultSort: "leader_rank",
        DefaultDescending: false,
        Key: r => new LeaderboardRowKey((int)r.GetInt64("team_id"), (int)r.GetInt64("rep_id")));

    /// <summary>The opportunities of the reps in focus: open now and closed in the period.</summary>
    public static readonly TableDefinition<OpportunityRowKey> Opportunities = new(
        "opportunities",
        "targets/opportunities",
        [
            new("opportunity_code", ColumnKind.Text, Sortable: false),
            new("customer", ColumnKind.Text),
            new("rep", ColumnKind.Text, Sortable: false),
            new("stage", ColumnKind.Text, Codes: Targets.OpportunityStages.Labels, SortBy: "sort_order"),
            new("amount", ColumnKind.Money),
            new("probability", ColumnKind.Fraction, Sortable: false),
            new("weighted_amount", ColumnKind.Money, Sortable: false),
            new("created_date", ColumnKind.Date),
            new("closed_date", ColumnKind.Date),
            new("days_open", ColumnKind.Count),
        ],
        DefaultSort: "amount",
        DefaultDescending: true,
        Key: r => new OpportunityRowKey(r.GetInt64("opportunity_id")));

    /// <summary>The customer records data_completeness counts as incomplete, with what each one misses (KPIS.md §7).</summary>
    public static readonly TableDefinition<CustomerRowKey> IncompleteCustomers = new(
        "incomplete-customers",
        "data_health/incomplete_customers",
        [
            new("customer_code", ColumnKind.Text, Sortable: false),
            new("name", ColumnKind.Text),
            new("region", ColumnKind.Text, Sortable: false),
            new("segment", ColumnKind.Text, Sortable: false),
            new("owner", ColumnKind.Text, Sortable: false),
            new("email", ColumnKind.Text, Sortable: false),
            new("phone", ColumnKind.Text, Sortable: false),
            // A missing name, region or segment shows as the blank cell in its own column; a
            // missing contact spans two columns, so it gets its mark (one column per field was too
            // wide for a 1366 px screen).
            new("missing_contact", ColumnKind.Missing, Sortable: false),
            new("updated_at", ColumnKind.Date),
        ],
        DefaultSort: "updated_at",
        DefaultDescending: true,
        Key: r => new CustomerRowKey(r.GetInt64("customer_id")));

    public static IReadOnlyList<TableDefinition> All { get; } = [TopCustomers, Drill, CustomerOrders, ChurnedCustomers, Tickets, Campaigns, CampaignCustomers, Leaderboard, Opportunities, IncompleteCustomers];

    public static TableDefinition? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
