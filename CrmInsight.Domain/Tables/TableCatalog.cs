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

    public static IReadOnlyList<TableDefinition> All { get; } = [TopCustomers, Drill, CustomerOrders, ChurnedCustomers];

    public static TableDefinition? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
