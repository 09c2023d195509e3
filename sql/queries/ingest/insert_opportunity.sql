INSERT INTO fact_opportunity (opportunity_id, opportunity_code, rep_id, customer_id, created_date, closed_date, stage, amount)
VALUES (@opportunity_id, @opportunity_code, @rep_id, @customer_id, @created_date, @closed_date, @stage, @amount)
