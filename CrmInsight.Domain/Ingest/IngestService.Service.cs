using CrmInsight.Domain.Rules;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Ingest;

public sealed partial class IngestService
{
    private static readonly string[] TicketFields = ["id", "customer", "category", "channel", "submitted", "firstresponse", "resolved", "complaint", "agent", "waitseconds", "talkseconds"];
    private static readonly string[] SurveyFields = ["id", "customer", "date", "touchpoint", "csat", "rating", "recommend"];
    private static readonly string[] Touchpoints = ["purchase", "service", "relationship"];

    /// <summary>Tickets: a blank first-response or resolved time means "not yet", never an error.</summary>
    private static IReadOnlyList<string> PrepareTickets(List<RecordReader> readers, IngestContext context, IngestBatch batch)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new List<string>();
        foreach (var r in readers)
        {
            var code = r.Text("id", required: true, maxLength: 64);
            var customer = context.ExistingCustomer(r, required: false);
            context.RequireInScope(r, customer is not null, context.TeamOfCustomer(customer), "customer");
            var category = r.Text("category", required: true, maxLength: 40)?.ToLowerInvariant();
            var channel = r.OneOf("channel", TicketChannels.All, required: true);
            var submitted = r.Timestamp("submitted", required: true);
            var response = r.Timestamp("firstresponse");
            var resolved = r.Timestamp("resolved");
            var complaint = r.Flag("complaint") ?? false;
            var agent = context.Lookups.Find(r, "agent", "agent");
            var wait = r.WholeNumber("waitseconds", max: 86_400);
            var talk = r.WholeNumber("talkseconds", max: 86_400);
            if (submitted is { } s && response < s)
            {
                r.Problem("firstResponse", "Is before the ticket was submitted.");
            }
            if (submitted is { } s2 && resolved < s2)
            {
                r.Problem("resolved", "Is before the ticket was submitted.");
            }
            if (!FirstTime(r, code, seen) || submitted is null || category is null || channel is null)
            {
                continue;
            }
            codes.Add(code!);
            batch.Rows.Add(SqlArgs.Empty
                .With("ticket_id", context.NextTicketId()).With("ticket_code", code).With("customer_id", customer?.CustomerId)
                .With("category", category).With("channel", channel).With("submitted_at", submitted.Value)
                .With("first_response_at", response).With("resolved_at", resolved).With("is_complaint", complaint ? 1 : 0)
                .With("agent_id", agent is null ? null : (int)agent.GetInt64("id"))
                .With("wait_seconds", wait).With("talk_seconds", talk));
        }
        batch.Deletes.AddRange(codes.Chunk(CodeBatch).Select(chunk => SqlArgs.Empty.With("codes", chunk)));
        return [DataAreas.Tickets];
    }

    /// <summary>Surveys: CSAT 0–100, service rating 1–10, recommend 0–10; at least one of them.</summary>
    private static IReadOnlyList<string> PrepareSurveys(List<RecordReader> readers, IngestContext context, IngestBatch batch)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new List<string>();
        foreach (var r in readers)
        {
            var code = r.Text("id", required: true, maxLength: 64);
            var customer = context.ExistingCustomer(r, required: false);
            context.RequireInScope(r, customer is not null, context.TeamOfCustomer(customer), "customer");
            var date = r.Date("date", required: true);
            var touchpoint = r.OneOf("touchpoint", Touchpoints) ?? "service";
            var csat = r.Score(SurveyScales.Csat);
            var rating = r.Score(SurveyScales.Rating);
            var recommend = r.Score(SurveyScales.Recommend);
            if (csat is null && rating is null && recommend is null && !r.HasAny("csat", "rating", "recommend"))
            {
                r.Problem(null, "A survey needs at least one of csat, rating or recommend.");
            }
            if (!FirstTime(r, code, seen) || date is null)
            {
                continue;
            }
            codes.Add(code!);
            batch.Rows.Add(SqlArgs.Empty
                .With("survey_id", context.NextSurveyId()).With("survey_code", code).With("customer_id", customer?.CustomerId)
                .With("survey_date", date.Value).With("touchpoint", touchpoint)
                .With("csat", csat).With("service_rating", rating).With("recommend", recommend));
        }
        batch.Deletes.AddRange(codes.Chunk(CodeBatch).Select(chunk => SqlArgs.Empty.With("codes", chunk)));
        return [DataAreas.Surveys];
    }
}
