DELETE FROM fact_ticket
WHERE ticket_code IN @codes
