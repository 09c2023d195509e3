using DuckDB.NET.Data;

namespace CrmInsight.Domain.Import;

/// <summary>Survey answers by their source id: CSAT 0–100, service rating 1–10, recommend 0–10; a blank score is "not answered".</summary>
internal sealed class SurveyTarget : ImportTarget
{
    public override string StagingTable => "import_survey";

    public override string StagingColumns =>
        "line_no BIGINT, survey_code VARCHAR, customer_code VARCHAR, survey_date DATE, csat SMALLINT, service_rating SMALLINT, recommend SMALLINT";

    public override string MergeScript => "surveys";

    public override Rejection? Stage(string[] record, long line, ResolvedMapping map, ValueParser parser, DuckDBAppender? appender)
    {
        if (map.Get(record, "id") is not { } id)
        {
            return Missing("id");
        }
        if (map.Get(record, "date") is not { } dateText)
        {
            return Missing("date");
        }
        if (!parser.TryDateTime(dateText, out var date))
        {
            return Bad("date is not a date", dateText);
        }
        if (Score(record, map, parser, "csat", 0, 100, out var csat) is { } csatProblem)
        {
            return csatProblem;
        }
        if (Score(record, map, parser, "rating", 1, 10, out var rating) is { } ratingProblem)
        {
            return ratingProblem;
        }
        if (Score(record, map, parser, "recommend", 0, 10, out var recommend) is { } recommendProblem)
        {
            return recommendProblem;
        }
        if (csat is null && rating is null && recommend is null)
        {
            return new Rejection("no score is given", null);
        }
        appender?.CreateRow()
            .AppendValue(line)
            .AppendValue(id)
            .AppendValue(map.Get(record, "customer"))
            .AppendValue(DateOnly.FromDateTime(date))
            .AppendValue(csat)
            .AppendValue(rating)
            .AppendValue(recommend)
            .EndRow();
        return null;
    }

    private static Rejection? Score(string[] record, ResolvedMapping map, ValueParser parser, string field, int min, int max, out short? score)
    {
        score = null;
        if (map.Get(record, field) is not { } text)
        {
            return null;
        }
        if (!parser.TryDecimal(text, out var value) || value != decimal.Truncate(value))
        {
            return Bad($"{field} is not a whole number", text);
        }
        if (value < min || value > max)
        {
            return Bad($"{field} is outside {min}–{max}", text);
        }
        score = (short)value;
        return null;
    }
}
