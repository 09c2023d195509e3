namespace CrmInsight.Domain.Tables;

/// <summary>The tables pages show and export, by name (the name is the export URL's).</summary>
public static class TableCatalog
{
    public static readonly TableDefinition TopCustomers = new(
        "top-customers",
        new("Top customers", "重点客户"),
        "contribution/customers",
        [
            new("customer_code", new("Customer", "客户编号"), ColumnKind.Text, Sortable: false),
            new("name", new("Name", "名称"), ColumnKind.Text),
            new("region", new("Region", "区域"), ColumnKind.Text, Sortable: false),
            new("segment", new("Segment", "客户细分"), ColumnKind.Text, Sortable: false),
            new("owner", new("Owner", "负责人"), ColumnKind.Text, Sortable: false),
            new("revenue", new("Revenue", "销售额"), ColumnKind.Money),
            new("gross_profit", new("Gross profit", "毛利"), ColumnKind.Money),
            new("orders", new("Orders", "订单数"), ColumnKind.Count),
            new("last_order", new("Last order", "最近下单"), ColumnKind.Date),
        ],
        DefaultSort: "revenue",
        DefaultDescending: true,
        KeyField: "customer_id");

    /// <summary>One drill level (regions, teams, reps or customers); takes <c>@level</c>.</summary>
    public static readonly TableDefinition Drill = new(
        "drill",
        new("Drill-down", "逐级下钻"),
        "drill/members",
        [
            new("name", new("Name", "名称"), ColumnKind.Text),
            new("revenue", new("Revenue", "销售额"), ColumnKind.Money),
            new("revenue_share", new("Share of revenue", "销售额占比"), ColumnKind.Fraction, Sortable: false),
            new("gross_profit", new("Gross profit", "毛利"), ColumnKind.Money),
            new("orders", new("Orders", "订单数"), ColumnKind.Count),
            new("customers", new("Customers", "客户数"), ColumnKind.Count),
        ],
        DefaultSort: "revenue",
        DefaultDescending: true,
        KeyField: "member_id");

    /// <summary>One customer's orders in the period; takes <c>@customer_id</c>.</summary>
    public static readonly TableDefinition CustomerOrders = new(
        "customer-orders",
        new("Orders", "订单"),
        "customer/orders",
        [
            new("order_code", new("Order", "订单号"), ColumnKind.Text, Sortable: false),
            new("order_date", new("Date", "日期"), ColumnKind.Date),
            new("channel", new("Sales channel", "销售渠道"), ColumnKind.Text, Sortable: false),
            new("category", new("Product category", "产品类别"), ColumnKind.Text, Sortable: false),
            new("campaign", new("Campaign", "营销活动"), ColumnKind.Text, Sortable: false),
            new("revenue", new("Revenue", "销售额"), ColumnKind.Money),
            new("gross_profit", new("Gross profit", "毛利"), ColumnKind.Money, Sortable: false),
            new("items", new("Items", "件数"), ColumnKind.Count),
            new("returned_value", new("Returned", "退货金额"), ColumnKind.Money, Sortable: false),
            new("status", new("Status", "状态"), ColumnKind.Text, Sortable: false),
        ],
        DefaultSort: "order_date",
        DefaultDescending: true,
        KeyField: "order_id");

    /// <summary>Customers active in the comparison period and not in the period (churn_rate's numerator).</summary>
    public static readonly TableDefinition ChurnedCustomers = new(
        "churned-customers",
        new("Churned customers", "流失客户"),
        "retention/churned",
        [
            new("customer_code", new("Customer", "客户编号"), ColumnKind.Text, Sortable: false),
            new("name", new("Name", "名称"), ColumnKind.Text),
            new("region", new("Region", "区域"), ColumnKind.Text, Sortable: false),
            new("segment", new("Segment", "客户细分"), ColumnKind.Text, Sortable: false),
            new("last_order", new("Last order", "最近下单"), ColumnKind.Date),
            new("lifetime_revenue", new("Lifetime revenue", "累计销售额"), ColumnKind.Money),
            new("lifetime_orders", new("Lifetime orders", "累计订单数"), ColumnKind.Count, Sortable: false),
            new("last_csat", new("Last CSAT", "最近满意度"), ColumnKind.Count),
        ],
        DefaultSort: "lifetime_revenue",
        DefaultDescending: true,
        KeyField: "customer_id");

    /// <summary>Tickets submitted in the period; takes <c>@ticket_by</c> and <c>@ticket_member</c> ('' = every ticket).</summary>
    public static readonly TableDefinition Tickets = new(
        "tickets",
        new("Tickets", "工单"),
        "satisfaction/tickets",
        [
            new("ticket_code", new("Ticket", "工单号"), ColumnKind.Text, Sortable: false),
            new("customer_code", new("Customer", "客户编号"), ColumnKind.Text, Sortable: false),
            new("customer", new("Name", "名称"), ColumnKind.Text, Sortable: false),
            new("channel", new("Service channel", "服务渠道"), ColumnKind.Text, Sortable: false),
            new("category", new("Issue category", "问题类别"), ColumnKind.Text, Sortable: false),
            new("agent", new("Agent", "客服"), ColumnKind.Text, Sortable: false),
            new("submitted_at", new("Submitted", "提交时间"), ColumnKind.Date),
            new("response_minutes", new("First response (min)", "首次响应（分钟）"), ColumnKind.Number),
            new("resolution_hours", new("Resolution (h)", "解决（小时）"), ColumnKind.Number),
            new("is_complaint", new("Complaint", "投诉"), ColumnKind.Count, Sortable: false),
        ],
        DefaultSort: "submitted_at",
        DefaultDescending: true,
        KeyField: "ticket_id");

    /// <summary>
    /// Every campaign active in the period with its funnel, money and ratios (KPIS.md §4). The ratios
    /// are the marketing KPIs themselves, for that campaign: the catalog's formulas over the row's measures.
    /// </summary>
    public static readonly TableDefinition Campaigns = new(
        "campaigns",
        new("Campaigns", "营销活动"),
        "marketing/campaigns",
        [
            new("name", new("Campaign", "营销活动"), ColumnKind.Text),
            new("reach", new("Reach", "触达客户数"), ColumnKind.Count),
            new("responses", new("Responses", "响应客户数"), ColumnKind.Count, Sortable: false),
            new("response_rate", new("Response rate", "响应率"), ColumnKind.Fraction, Kpi: "response_rate"),
            new("conversions", new("Conversions", "成交客户数"), ColumnKind.Count, Sortable: false),
            new("conversion_rate", new("Conversion rate", "交易率"), ColumnKind.Fraction, Kpi: "conversion_rate"),
            new("spend", new("Spend", "营销费用"), ColumnKind.Money),
            new("new_customers", new("New customers", "新客户数"), ColumnKind.Count),
            new("cac", new("CAC", "获客成本"), ColumnKind.Money, Kpi: "cac"),
            new("attributed_revenue", new("Attributed revenue", "归因销售额"), ColumnKind.Money),
            new("roi", new("ROI", "投资回报率"), ColumnKind.Fraction, Kpi: "roi"),
            new("cost_per_response", new("Cost per response", "单次响应成本"), ColumnKind.Money, Kpi: "cost_per_response"),
        ],
        DefaultSort: "roi",
        DefaultDescending: true,
        KeyField: "campaign_id");

    /// <summary>The customers the selected campaigns touched in the period (all campaigns without a campaign filter).</summary>
    public static readonly TableDefinition CampaignCustomers = new(
        "campaign-customers",
        new("Customers reached", "触达客户"),
        "marketing/campaign_customers",
        [
            new("customer_code", new("Customer", "客户编号"), ColumnKind.Text, Sortable: false),
            new("name", new("Name", "名称"), ColumnKind.Text),
            new("region", new("Region", "区域"), ColumnKind.Text, Sortable: false),
            new("touches", new("Touches", "触达次数"), ColumnKind.Count, Sortable: false),
            new("first_touch", new("First touch", "首次触达"), ColumnKind.Date),
            new("responded", new("Responded", "已响应"), ColumnKind.Count, Sortable: false),
            new("converted", new("Converted", "已成交"), ColumnKind.Count, Sortable: false),
            new("orders", new("Orders", "订单数"), ColumnKind.Count, Sortable: false),
            new("revenue", new("Revenue", "销售额"), ColumnKind.Money),
        ],
        DefaultSort: "revenue",
        DefaultDescending: true,
        KeyField: "customer_id");

    /// <summary>Reps (one row per rep and team) against quota in the period, ranked by attainment (KPIS.md §5).</summary>
    public static readonly TableDefinition Leaderboard = new(
        "leaderboard",
        new("Leaderboard", "销售排行榜"),
        "targets/leaderboard",
        [
            new("leader_rank", new("Rank", "排名"), ColumnKind.Count),
            new("rep", new("Sales rep", "销售代表"), ColumnKind.Text),
            new("team", new("Sales team", "销售团队"), ColumnKind.Text),
            new("rep_revenue", new("Revenue", "销售额"), ColumnKind.Money),
            new("quota", new("Quota", "销售配额"), ColumnKind.Money),
            new("attainment", new("Attainment", "达成率"), ColumnKind.Fraction),
            new("pace", new("Pace", "进度达成率"), ColumnKind.Fraction),
            new("win_rate", new("Win rate", "成交率"), ColumnKind.Fraction),
            new("weighted_pipeline", new("Weighted pipeline (now)", "加权销售管道（当前）"), ColumnKind.Money),
            new("coverage", new("Coverage", "管道覆盖率"), ColumnKind.Number),
            new("activities", new("Follow-ups", "跟进次数"), ColumnKind.Count),
        ],
        DefaultSort: "leader_rank",
        DefaultDescending: false,
        KeyField: "rep_id");

    /// <summary>The opportunities of the reps in focus: open now and closed in the period.</summary>
    public static readonly TableDefinition Opportunities = new(
        "opportunities",
        new("Opportunities", "商机"),
        "targets/opportunities",
        [
            new("opportunity_code", new("Opportunity", "商机编号"), ColumnKind.Text, Sortable: false),
            new("customer", new("Customer", "客户"), ColumnKind.Text),
            new("rep", new("Sales rep", "销售代表"), ColumnKind.Text, Sortable: false),
            new("stage", new("Stage", "阶段"), ColumnKind.Text, Codes: Targets.OpportunityStages.Labels, SortBy: "sort_order"),
            new("amount", new("Amount", "金额"), ColumnKind.Money),
            new("probability", new("Probability", "赢单概率"), ColumnKind.Fraction, Sortable: false),
            new("weighted_amount", new("Weighted", "加权金额"), ColumnKind.Money, Sortable: false),
            new("created_date", new("Created", "创建日期"), ColumnKind.Date),
            new("closed_date", new("Closed", "关闭日期"), ColumnKind.Date),
            new("days_open", new("Days", "天数"), ColumnKind.Count),
        ],
        DefaultSort: "amount",
        DefaultDescending: true,
        KeyField: "opportunity_id");

    public static IReadOnlyList<TableDefinition> All { get; } = [TopCustomers, Drill, CustomerOrders, ChurnedCustomers, Tickets, Campaigns, CampaignCustomers, Leaderboard, Opportunities];

    public static TableDefinition? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
