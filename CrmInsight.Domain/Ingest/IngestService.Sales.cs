using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Ingest;

public sealed partial class IngestService
{
    private static readonly string[] TouchFields = ["campaign", "customer", "sent", "responded", "respondeddate", "converted"];
    private static readonly string[] OpportunityFields = ["id", "rep", "customer", "created", "closed", "stage", "amount"];
    private static readonly string[] Stages = ["prospecting", "qualification", "proposal", "negotiation", "won", "lost"];

    /// <summary>Campaign touches: identified by campaign, customer and send date (they have no source id).</summary>
    private static IReadOnlyList<string> PrepareTouches(List<RecordReader> readers, IngestContext context, IngestBatch batch)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in readers)
        {
            var campaign = context.Lookups.Find(r, "campaign", "campaign", required: true);
            var customer = context.ExistingCustomer(r, required: true);
            context.RequireInScope(r, customer is not null, context.TeamOfCustomer(customer), "customer");
            var sent = r.Date("sent", required: true);
            var respondedDate = r.Date("respondeddate");
            var responded = r.Flag("responded") ?? respondedDate is not null;
            var converted = r.Flag("converted") ?? false;
            if (respondedDate < sent)
            {
                r.Problem("respondedDate", "Is before the touch was sent.");
            }
            if (converted && !responded)
            {
                r.Problem("converted", "A touch that converted must have responded.");
            }
            if (campaign is null || customer is null || sent is null)
            {
                continue;
            }
            var key = $"{campaign.GetInt64("id")}|{customer.CustomerId}|{sent:yyyy-MM-dd}";
            if (!FirstTime(r, key, seen, "sent"))
            {
                continue;
            }
            var identity = SqlArgs.Empty.With("campaign_id", (int)campaign.GetInt64("id")).With("customer_id", customer.CustomerId).With("sent_date", sent.Value);
            batch.Deletes.Add(identity);
            batch.Rows.Add(identity.With("responded", responded ? 1 : 0).With("responded_date", responded ? respondedDate ?? sent : null).With("converted", converted ? 1 : 0));
        }
        return [DataAreas.Touches];
    }

    /// <summary>Opportunities: an open stage has no close date; won and lost need one.</summary>
    private static IReadOnlyList<string> PrepareOpportunities(List<RecordReader> readers, IngestContext context, IngestBatch batch)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new List<string>();
        foreach (var r in readers)
        {
            var code = r.Text("id", required: true, maxLength: 64);
            var rep = context.Lookups.Find(r, "rep", "rep", required: true);
            context.RequireInScope(r, rep is not null, rep is null ? null : NullableInt(rep, "team_id"), "rep");
            var customer = context.ExistingCustomer(r, required: false);
            var created = r.Date("created", required: true);
            var closed = r.Date("closed");
            var stage = r.OneOf("stage", Stages, required: true);
            var amount = r.Money("amount", required: true);
            var isClosed = stage is "won" or "lost";
            if (stage is not null && isClosed && closed is null)
            {
                r.Problem("closed", $"A {stage} opportunity needs the date it closed.");
            }
            if (stage is not null && !isClosed && closed is not null)
            {
                r.Problem("closed", $"An opportunity in {stage} is still open and has no close date.");
            }
            if (closed < created)
            {
                r.Problem("closed", "Is before the opportunity was created.");
            }
            if (!FirstTime(r, code, seen) || rep is null || created is null || stage is null || amount is null)
            {
                continue;
            }
            codes.Add(code!);
            batch.Rows.Add(SqlArgs.Empty
                .With("opportunity_id", context.NextOpportunityId()).With("opportunity_code", code)
                .With("rep_id", (int)rep.GetInt64("id")).With("customer_id", customer?.CustomerId)
                .With("created_date", created.Value).With("closed_date", closed).With("stage", stage).With("amount", amount.Value));
        }
        batch.Deletes.AddRange(codes.Chunk(CodeBatch).Select(chunk => SqlArgs.Empty.With("codes", chunk)));
        return [DataAreas.Opportunities];
    }
}
