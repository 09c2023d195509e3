-- New surrogate keys for one ingest batch from the sequences: sp_sequence_get_range hands each
-- caller its own consecutive block, so two app instances on one database never take the same
-- ids (MAX(id) + 1 did). A kind asked for 0 gets NULL.
DECLARE @order_first SQL_VARIANT, @customer_first SQL_VARIANT, @ticket_first SQL_VARIANT, @survey_first SQL_VARIANT, @opportunity_first SQL_VARIANT;
IF @orders > 0
    EXEC sys.sp_sequence_get_range @sequence_name = N'dbo.seq_order', @range_size = @orders, @range_first_value = @order_first OUTPUT;
IF @customers > 0
    EXEC sys.sp_sequence_get_range @sequence_name = N'dbo.seq_customer', @range_size = @customers, @range_first_value = @customer_first OUTPUT;
IF @tickets > 0
    EXEC sys.sp_sequence_get_range @sequence_name = N'dbo.seq_ticket', @range_size = @tickets, @range_first_value = @ticket_first OUTPUT;
IF @surveys > 0
    EXEC sys.sp_sequence_get_range @sequence_name = N'dbo.seq_survey', @range_size = @surveys, @range_first_value = @survey_first OUTPUT;
IF @opportunities > 0
    EXEC sys.sp_sequence_get_range @sequence_name = N'dbo.seq_opportunity', @range_size = @opportunities, @range_first_value = @opportunity_first OUTPUT;
SELECT CAST(@order_first AS BIGINT) AS order_id,
       CAST(@customer_first AS BIGINT) AS customer_id,
       CAST(@ticket_first AS BIGINT) AS ticket_id,
       CAST(@survey_first AS BIGINT) AS survey_id,
       CAST(@opportunity_first AS BIGINT) AS opportunity_id;
