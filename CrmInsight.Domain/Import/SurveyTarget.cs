using DuckDB.NET.Data;
using CrmInsight.Domain.Rules;

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
        if (!FactDates.Covers(date))
        {
            return Bad("date is outside 2000–2049", dateText);
        }
        if (Score(record, map, parser, SurveyScales.Csat, out var csat) is { } csatProblem)
        {
            return csatProblem;
        }
        if (Score(record, map, parser, SurveyScales.Rating, out var rating) is { } ratingProblem)
        {
            return ratingProblem;
        }
        if (Score(record, map, parser, SurveyScales.Recommend, out var recommend) is { } recommendProblem)
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

    private static Rejection? Score(string[] record, ResolvedMapping map, ValueParser parser, SurveyScale scale, out short? score)
    {
        score = null;
        if (map.Get(record, scale.Field) is not { } text)
        {
            return null;
        }
        if (!parser.TryDecimal(text, out var value) || value != decimal.Truncate(value))
        {
            return Bad($"{scale.Field} is not a whole number", text);
        }
        if (!scale.Contains(value))
        {
            return Bad($"{scale.Field} is outside {scale.Min}–{scale.Max}", text);
        }
        score = (short)value;
        return null;
    }
}
