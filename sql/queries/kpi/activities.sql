-- Follow-ups (客户跟进记录) logged in [date_from, date_to), in all and by kind, and the reps in
-- scope with a quota in the period (a quota row, whatever its amount, for a month the period
-- touches), one row per bucket: activities_per_rep. A rep's follow-ups and quota months count
-- for the team of their month; region is that team's.
-- Dated: follow-ups by their date and quotas by month inside the window only.
--#dated
WITH
--#include quota_calendar
,
--#include quota_rows
,
--#include rep_month_team
,
--#include period_activities
, quota_reps AS (
    SELECT bucket, COUNT(DISTINCT rep_id) AS quota_reps
    FROM quota_rows
    GROUP BY bucket
), logged AS (
    SELECT bucket,
           CAST(SUM(activities) AS BIGINT) AS activities,
           CAST(SUM(calls) AS BIGINT) AS calls,
           CAST(SUM(emails) AS BIGINT) AS emails,
           CAST(SUM(visits) AS BIGINT) AS visits,
           CAST(SUM(meetings) AS BIGINT) AS meetings
    FROM period_activities
    GROUP BY bucket
)
SELECT c.bucket,
       COALESCE(l.activities, 0) AS activities,
       COALESCE(l.calls, 0) AS calls,
       COALESCE(l.emails, 0) AS emails,
       COALESCE(l.visits, 0) AS visits,
       COALESCE(l.meetings, 0) AS meetings,
       COALESCE(q.quota_reps, 0) AS quota_reps
FROM calendar c
LEFT JOIN logged l ON l.bucket = c.bucket
LEFT JOIN quota_reps q ON q.bucket = c.bucket
ORDER BY c.bucket
