-- One row of the per-table numbers of written_records (computed as per_table: records,
-- recent = written in the 24 h before @as_of, age_seconds = @as_of minus the newest write):
-- <table>_records, <table>_recent and <table>_age_seconds (NULL: nothing written yet).
SELECT
    CAST(COALESCE(SUM(CASE WHEN record_table = 'orders' THEN records END), 0) AS BIGINT) AS orders_records,
    CAST(COALESCE(SUM(CASE WHEN record_table = 'orders' THEN recent END), 0) AS BIGINT) AS orders_recent,
    MAX(CASE WHEN record_table = 'orders' THEN age_seconds END) AS orders_age_seconds,
    CAST(COALESCE(SUM(CASE WHEN record_table = 'tickets' THEN records END), 0) AS BIGINT) AS tickets_records,
    CAST(COALESCE(SUM(CASE WHEN record_table = 'tickets' THEN recent END), 0) AS BIGINT) AS tickets_recent,
    MAX(CASE WHEN record_table = 'tickets' THEN age_seconds END) AS tickets_age_seconds,
    CAST(COALESCE(SUM(CASE WHEN record_table = 'surveys' THEN records END), 0) AS BIGINT) AS surveys_records,
    CAST(COALESCE(SUM(CASE WHEN record_table = 'surveys' THEN recent END), 0) AS BIGINT) AS surveys_recent,
    MAX(CASE WHEN record_table = 'surveys' THEN age_seconds END) AS surveys_age_seconds,
    CAST(COALESCE(SUM(CASE WHEN record_table = 'touches' THEN records END), 0) AS BIGINT) AS touches_records,
    CAST(COALESCE(SUM(CASE WHEN record_table = 'touches' THEN recent END), 0) AS BIGINT) AS touches_recent,
    MAX(CASE WHEN record_table = 'touches' THEN age_seconds END) AS touches_age_seconds,
    CAST(COALESCE(SUM(CASE WHEN record_table = 'opportunities' THEN records END), 0) AS BIGINT) AS opportunities_records,
    CAST(COALESCE(SUM(CASE WHEN record_table = 'opportunities' THEN recent END), 0) AS BIGINT) AS opportunities_recent,
    MAX(CASE WHEN record_table = 'opportunities' THEN age_seconds END) AS opportunities_age_seconds,
    CAST(COALESCE(SUM(CASE WHEN record_table = 'activities' THEN records END), 0) AS BIGINT) AS activities_records,
    CAST(COALESCE(SUM(CASE WHEN record_table = 'activities' THEN recent END), 0) AS BIGINT) AS activities_recent,
    MAX(CASE WHEN record_table = 'activities' THEN age_seconds END) AS activities_age_seconds,
    CAST(COALESCE(SUM(CASE WHEN record_table = 'customers' THEN records END), 0) AS BIGINT) AS customers_records,
    CAST(COALESCE(SUM(CASE WHEN record_table = 'customers' THEN recent END), 0) AS BIGINT) AS customers_recent,
    MAX(CASE WHEN record_table = 'customers' THEN age_seconds END) AS customers_age_seconds
FROM per_table
