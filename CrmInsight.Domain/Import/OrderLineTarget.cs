using DuckDB.NET.Data;
using CrmInsight.Domain.Rules;

namespace CrmInsight.Domain.Import;

/// <summary>
/// Order lines: quantity &gt; 0 with price ≥ 0 is a sale line, quantity &lt; 0 a returned line;
/// quantity 0, a negative price and unreadable values are rejected. The merge builds one order
/// per order id from its lines (README "Order-line semantics").
/// </summary>
internal sealed class OrderLineTarget : ImportTarget
{
    public override string StagingTable => "import_order_line";

    public override string StagingColumns =>
        "line_no BIGINT, order_code VARCHAR, customer_code VARCHAR, line_time TIMESTAMP, quantity DECIMAL(18,4), " +
        "line_value DECIMAL(18,4), line_cost DECIMAL(18,4), is_return BOOLEAN, category VARCHAR, region VARCHAR, channel VARCHAR, rep VARCHAR";

    public override string MergeScript => "order_lines";

    public override Rejection? Stage(string[] record, long line, ResolvedMapping map, ValueParser parser, DuckDBAppender? appender)
    {
        var order = map.Get(record, "order");
        if (order is null)
        {
            return Missing("order");
        }
        if (map.Get(record, "date") is not { } dateText)
        {
            return Missing("date");
        }
        if (!parser.TryDateTime(dateText, out var date))
        {
            return Bad("date is not a date", dateText);
        }
        if (!FactDates.Covers(date))
        {
            return Bad("date is outside 2000–2049", dateText);
        }
        if (map.Get(record, "quantity") is not { } quantityText)
        {
            return Missing("quantity");
        }
        if (!parser.TryDecimal(quantityText, out var quantity))
        {
            return Bad("quantity is not a number", quantityText);
        }
        if (quantity == 0)
        {
            return Bad("quantity is 0", quantityText);
        }
        if (quantity != decimal.Truncate(quantity))
        {
            return Bad("quantity is not a whole number", quantityText);
        }
        var isReturn = quantity < 0;
        decimal value;
        if (map.Has("price"))
        {
            if (map.Get(record, "price") is not { } priceText)
            {
                return Missing("price");
            }
            if (!parser.TryDecimal(priceText, out var price))
            {
                return Bad("price is not a number", priceText);
            }
            if (price < 0)
            {
                return Bad("price is negative", priceText);
            }
            value = Math.Abs(quantity) * price;
        }
        else
        {
            if (map.Get(record, "amount") is not { } amountText)
            {
                return Missing("amount");
            }
            if (!parser.TryDecimal(amountText, out var amount))
            {
                return Bad("amount is not a number", amountText);
            }
            // A return's amount is usually written negative; a sale's must not be.
            if (!isReturn && amount < 0)
            {
                return Bad("amount is negative on a sale line", amountText);
            }
            value = Math.Abs(amount);
        }
        decimal cost = 0;
        if (map.Get(record, "cost") is { } costText)
        {
            if (!parser.TryDecimal(costText, out var unitCost))
            {
                return Bad("cost is not a number", costText);
            }
            if (unitCost < 0)
            {
                return Bad("cost is negative", costText);
            }
            cost = Math.Abs(quantity) * unitCost;
        }
        // Staged at four decimals; order totals are rounded to cents once, when summed.
        value = Math.Round(value, 4, MidpointRounding.AwayFromZero);
        cost = Math.Round(cost, 4, MidpointRounding.AwayFromZero);
        if (value >= 100_000_000_000_000m || cost >= 100_000_000_000_000m)
        {
            return Bad("value is too large", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        appender?.CreateRow()
            .AppendValue(line)
            .AppendValue(order)
            .AppendValue(map.Get(record, "customer"))
            .AppendValue(date)
            .AppendValue(quantity)
            .AppendValue(value)
            .AppendValue(cost)
            .AppendValue(isReturn)
            .AppendValue(map.Get(record, "category"))
            .AppendValue(map.Get(record, "region"))
            .AppendValue(map.Get(record, "channel"))
            .AppendValue(map.Get(record, "rep"))
            .EndRow();
        return null;
    }
}
