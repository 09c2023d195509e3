namespace CrmInsight.Domain.Filters;

/// <summary>
/// Whether a chart bucket (a day, week or month) is not over yet: the period stops before the
/// bucket's natural end, or the bucket holds today. Such a bucket is drawn as "so far", never
/// like a full one (on the 1st of a month a full-looking month would read as a collapse).
/// </summary>
public static class PartialBucket
{
    public static bool Is(DateOnly start, DateOnly naturalEnd, DateRange period, DateOnly today) =>
        naturalEnd > period.To || (start <= today && today < naturalEnd);
}
