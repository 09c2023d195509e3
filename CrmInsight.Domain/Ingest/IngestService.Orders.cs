using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Ingest;

public sealed partial class IngestService
{
    private static readonly string[] OrderFields = ["id", "customer", "date", "revenue", "cost", "items", "returned", "status", "region", "channel", "category", "rep", "campaign"];
    private static readonly string[] OrderStatuses = ["completed", "cancelled"];

    /// <summary>
    /// Orders: a blank customer is an anonymous sale; an unknown customer is created with the
    /// region, rep and campaign the order names. Team and segment are snapshots, as in the demo:
    /// the rep's team and the customer's segment at the time of the order.
    /// </summary>
    private static IReadOnlyList<string> PrepareOrders(List<RecordReader> readers, IngestContext context, IngestBatch batch)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var created = new Dictionary<string, CustomerRef>(StringComparer.Ordinal);
        var codes = new List<string>();
        foreach (var r in readers)
        {
            var code = r.Text("id", required: true, maxLength: 64);
            var date = r.Date("date", required: true);
            var revenue = r.Money("revenue", required: true);
            var cost = r.Money("cost") ?? 0m;
            var items = r.WholeNumber("items", min: 1, max: 1_000_000) ?? 1;
            var returned = r.Money("returned") ?? 0m;
            var status = r.OneOf("status", OrderStatuses) ?? "completed";
            var region = context.Lookups.Find(r, "region", "region");
            var channel = context.Lookups.Find(r, "channel", "channel");
            var category = context.Lookups.Find(r, "category", "category");
            var rep = context.Lookups.Find(r, "rep", "rep");
            var campaign = context.Lookups.Find(r, "campaign", "campaign");
            var customerCode = r.Text("customer", maxLength: 64);
            if (returned > revenue)
            {
                r.Problem("returned", "Is more than the order's revenue.");
            }
            if (date is { } d && d > DateOnly.FromDateTime(context.Now.UtcDateTime).AddDays(1))
            {
                r.Problem("date", $"{d:yyyy-MM-dd} is in the future.");
            }
            context.RequireInScope(r, rep is not null, rep is null ? null : NullableInt(rep, "team_id"), "rep");
            if (!FirstTime(r, code, seen) || date is null || revenue is null)
            {
                continue;
            }
            var repId = rep is null ? (int?)null : (int)rep.GetInt64("id");
            var campaignId = campaign is null ? (int?)null : (int)campaign.GetInt64("id");
            CustomerRef? customer = null;
            if (customerCode is not null && !context.Customers.TryGetValue(customerCode, out customer) && !created.TryGetValue(customerCode, out customer))
            {
                customer = new CustomerRef(context.NextCustomerId(), region is null ? null : (int)region.GetInt64("id"), null, repId);
                created[customerCode] = customer;
                batch.NewCustomers.Add(SqlArgs.Empty
                    .With("customer_id", customer.CustomerId).With("customer_code", customerCode)
                    .With("region_id", customer.RegionId).With("rep_id", repId).With("order_date", date.Value)
                    .With("campaign_id", campaignId).With("updated_at", context.Now.UtcDateTime));
            }
            codes.Add(code!);
            batch.Rows.Add(SqlArgs.Empty
                .With("order_id", context.NextOrderId()).With("order_code", code)
                .With("customer_id", customer?.CustomerId).With("order_date", date.Value)
                .With("rep_id", repId).With("team_id", rep is null ? null : NullableInt(rep, "team_id"))
                .With("region_id", region is null ? customer?.RegionId ?? (rep is null ? null : NullableInt(rep, "region_id")) : (int)region.GetInt64("id"))
                .With("segment_id", customer?.SegmentId)
                .With("channel_id", channel is null ? null : (int)channel.GetInt64("id"))
                .With("category_id", category is null ? null : (int)category.GetInt64("id"))
                .With("campaign_id", campaignId)
                .With("revenue", revenue.Value).With("cost", cost).With("items", items)
                .With("returned_value", returned).With("status", status));
        }
        batch.Deletes.AddRange(codes.Chunk(CodeBatch).Select(chunk => SqlArgs.Empty.With("codes", chunk)));
        return [DataAreas.Orders];
    }
}
