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

    public static IReadOnlyList<TableDefinition> All { get; } = [TopCustomers];

    public static TableDefinition? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
