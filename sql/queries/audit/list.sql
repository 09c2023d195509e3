-- The audit log, newest first, a page at a time; total_rows for the pager.
SELECT audit_id, occurred_at, actor, action, target, detail, address, COUNT(*) OVER () AS total_rows
FROM app_audit
ORDER BY occurred_at DESC, audit_id DESC
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY
