using DuckDB.NET.Data;
using CrmInsight.Domain.Rules;

namespace CrmInsight.Domain.Import;

/// <summary>Service tickets by their source id. A blank first-response or resolved time means "not yet"; the channel is one of <see cref="TicketChannels.All"/>.</summary>
internal sealed class TicketTarget : ImportTarget
{
    public override string StagingTable => "import_ticket";

    public override string StagingColumns =>
        "line_no BIGINT, ticket_code VARCHAR, customer_code VARCHAR, category VARCHAR, channel VARCHAR, " +
        "submitted_at TIMESTAMP, first_response_at TIMESTAMP, resolved_at TIMESTAMP, is_complaint TINYINT";

    public override string MergeScript => "tickets";

    public override Rejection? Stage(string[] record, long line, ResolvedMapping map, ValueParser parser, DuckDBAppender? appender)
    {
        if (map.Get(record, "id") is not { } id)
        {
            return Missing("id");
        }
        if (map.Get(record, "submitted") is not { } submittedText)
        {
            return Missing("submitted");
        }
        if (!parser.TryDateTime(submittedText, out var submitted))
        {
            return Bad("submitted is not a date", submittedText);
        }
        if (!FactDates.Covers(submitted))
        {
            return Bad("submitted is outside 2000–2049", submittedText);
        }
        if (map.Get(record, "channel") is not { } channelText)
        {
            return Missing("channel");
        }
        if (TicketChannels.Normalize(channelText) is not { } channel)
        {
            return Bad("channel is not phone, email, chat or web", channelText);
        }
        DateTime? firstResponse = null;
        if (map.Get(record, "first-response") is { } responseText)
        {
            if (!parser.TryDateTime(responseText, out var value))
            {
                return Bad("first-response is not a date", responseText);
            }
            if (!FactDates.Covers(value))
            {
                return Bad("first-response is outside 2000–2049", responseText);
            }
            if (value < submitted)
            {
                return Bad("first-response is before submitted", responseText);
            }
            firstResponse = value;
        }
        DateTime? resolved = null;
        if (map.Get(record, "resolved") is { } resolvedText)
        {
            if (!parser.TryDateTime(resolvedText, out var value))
            {
                return Bad("resolved is not a date", resolvedText);
            }
            if (!FactDates.Covers(value))
            {
                return Bad("resolved is outside 2000–2049", resolvedText);
            }
            if (value < submitted)
            {
                return Bad("resolved is before submitted", resolvedText);
            }
            resolved = value;
        }
        var complaint = false;
        if (map.Get(record, "complaint") is { } complaintText && !ValueParser.TryFlag(complaintText, out complaint))
        {
            return Bad("complaint is not yes/no", complaintText);
        }
        appender?.CreateRow()
            .AppendValue(line)
            .AppendValue(id)
            .AppendValue(map.Get(record, "customer"))
            .AppendValue(map.Get(record, "category")?.ToLowerInvariant())
            .AppendValue(channel)
            .AppendValue(submitted)
            .AppendValue(firstResponse)
            .AppendValue(resolved)
            .AppendValue((sbyte)(complaint ? 1 : 0))
            .EndRow();
        return null;
    }
}
