-- CrmInsight star schema for SQL Server (production).
-- Kept in step with duckdb.sql: same tables, same columns, same meaning.
-- Facts are clustered columnstore tables: the dashboard scans and aggregates them, it
-- never looks single rows up by key on the hot path.
-- Every statement is guarded so the script can run against an existing database.

IF OBJECT_ID(N'dbo.data_version', N'U') IS NULL
    CREATE TABLE dbo.data_version (
        id          INT NOT NULL PRIMARY KEY,
        version     BIGINT NOT NULL,
        updated_at  DATETIME2(3) NOT NULL
    );
INSERT INTO dbo.data_version (id, version, updated_at)
SELECT 1, 0, SYSUTCDATETIME()
WHERE NOT EXISTS (SELECT 1 FROM dbo.data_version);

IF OBJECT_ID(N'dbo.data_change', N'U') IS NULL
    CREATE TABLE dbo.data_change (
        area     NVARCHAR(64) NOT NULL PRIMARY KEY,
        version  BIGINT NOT NULL
    );

IF OBJECT_ID(N'dbo.app_key', N'U') IS NULL
    CREATE TABLE dbo.app_key (
        key_id        INT NOT NULL PRIMARY KEY,
        name          NVARCHAR(100) NOT NULL,
        kind          NVARCHAR(16) NOT NULL,
        key_hash      CHAR(64) NOT NULL UNIQUE,
        key_prefix    NVARCHAR(16) NOT NULL,
        created_at    DATETIME2(3) NOT NULL,
        last_used_at  DATETIME2(3) NULL,
        revoked_at    DATETIME2(3) NULL
    );

IF OBJECT_ID(N'dbo.app_key_team', N'U') IS NULL
    CREATE TABLE dbo.app_key_team (
        key_id   INT NOT NULL,
        team_id  INT NOT NULL,
        PRIMARY KEY (key_id, team_id)
    );

IF OBJECT_ID(N'dbo.app_user', N'U') IS NULL
    CREATE TABLE dbo.app_user (
        user_id               INT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
        user_name             NVARCHAR(100) NOT NULL,
        normalized_user_name  NVARCHAR(100) NOT NULL UNIQUE,
        password_hash         NVARCHAR(400) NULL,
        security_stamp        NVARCHAR(100) NOT NULL,
        concurrency_stamp     NVARCHAR(100) NOT NULL,
        role                  NVARCHAR(32) NOT NULL,
        lockout_enabled       TINYINT NOT NULL,
        lockout_ends_at       DATETIME2(3) NULL,
        access_failed_count   INT NOT NULL,
        disabled_at           DATETIME2(3) NULL,
        created_at            DATETIME2(3) NOT NULL,
        last_sign_in_at       DATETIME2(3) NULL
    );

IF OBJECT_ID(N'dbo.app_user_team', N'U') IS NULL
    CREATE TABLE dbo.app_user_team (
        user_id  INT NOT NULL,
        team_id  INT NOT NULL,
        PRIMARY KEY (user_id, team_id)
    );

IF OBJECT_ID(N'dbo.app_audit', N'U') IS NULL
    CREATE TABLE dbo.app_audit (
        audit_id  BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
        occurred_at  DATETIME2(3) NOT NULL,
        actor     NVARCHAR(100) NOT NULL,
        action    NVARCHAR(64) NOT NULL,
        target    NVARCHAR(200) NULL,
        detail    NVARCHAR(1000) NULL,
        address   NVARCHAR(64) NULL
    );

IF OBJECT_ID(N'dbo.dim_date', N'U') IS NULL
    CREATE TABLE dbo.dim_date (
        date_key       INT NOT NULL PRIMARY KEY,
        calendar_date  DATE NOT NULL UNIQUE,
        cal_year       INT NOT NULL,
        cal_quarter    INT NOT NULL,
        cal_month      INT NOT NULL,
        cal_day        INT NOT NULL,
        iso_weekday    INT NOT NULL,
        quarter_key    INT NOT NULL,
        quarter_start  DATE NOT NULL,
        month_key      INT NOT NULL,
        month_start    DATE NOT NULL,
        week_key       INT NOT NULL,
        week_start     DATE NOT NULL,
        day_number     INT NOT NULL
    );

WITH days AS (
    SELECT CAST('2000-01-01' AS DATE) AS d
    UNION ALL
    SELECT DATEADD(DAY, 1, d) FROM days WHERE d < CAST('2049-12-31' AS DATE)
), keyed AS (
    SELECT
        d,
        -- ISO weekday independent of SET DATEFIRST: 2000-01-03 was a Monday.
        (DATEDIFF(DAY, CAST('2000-01-03' AS DATE), d) % 7 + 7) % 7 + 1 AS iso_weekday
    FROM days
)
INSERT INTO dbo.dim_date
SELECT
    YEAR(d) * 10000 + MONTH(d) * 100 + DAY(d),
    d,
    YEAR(d),
    DATEPART(QUARTER, d),
    MONTH(d),
    DAY(d),
    iso_weekday,
    YEAR(d) * 10 + DATEPART(QUARTER, d),
    DATEFROMPARTS(YEAR(d), (DATEPART(QUARTER, d) - 1) * 3 + 1, 1),
    YEAR(d) * 100 + MONTH(d),
    DATEFROMPARTS(YEAR(d), MONTH(d), 1),
    -- The ISO year is the year of the Thursday of the same week.
    YEAR(DATEADD(DAY, 4 - iso_weekday, d)) * 100 + DATEPART(ISO_WEEK, d),
    DATEADD(DAY, 1 - iso_weekday, d),
    DATEDIFF(DAY, CAST('2000-01-01' AS DATE), d)
FROM keyed
WHERE NOT EXISTS (SELECT 1 FROM dbo.dim_date)
OPTION (MAXRECURSION 0);

IF OBJECT_ID(N'dbo.dim_region', N'U') IS NULL
    CREATE TABLE dbo.dim_region (
        region_id  INT NOT NULL PRIMARY KEY,
        name       NVARCHAR(200) NOT NULL
    );

IF OBJECT_ID(N'dbo.dim_segment', N'U') IS NULL
    CREATE TABLE dbo.dim_segment (
        segment_id  INT NOT NULL PRIMARY KEY,
        name        NVARCHAR(200) NOT NULL
    );

IF OBJECT_ID(N'dbo.dim_channel', N'U') IS NULL
    CREATE TABLE dbo.dim_channel (
        channel_id  INT NOT NULL PRIMARY KEY,
        name        NVARCHAR(200) NOT NULL
    );

IF OBJECT_ID(N'dbo.dim_marketing_channel', N'U') IS NULL
    CREATE TABLE dbo.dim_marketing_channel (
        marketing_channel_id  INT NOT NULL PRIMARY KEY,
        name                  NVARCHAR(200) NOT NULL
    );

IF OBJECT_ID(N'dbo.dim_category', N'U') IS NULL
    CREATE TABLE dbo.dim_category (
        category_id  INT NOT NULL PRIMARY KEY,
        name         NVARCHAR(200) NOT NULL
    );

IF OBJECT_ID(N'dbo.dim_team', N'U') IS NULL
    CREATE TABLE dbo.dim_team (
        team_id    INT NOT NULL PRIMARY KEY,
        name       NVARCHAR(200) NOT NULL,
        region_id  INT NULL
    );

IF OBJECT_ID(N'dbo.dim_rep', N'U') IS NULL
    CREATE TABLE dbo.dim_rep (
        rep_id      INT NOT NULL PRIMARY KEY,
        name        NVARCHAR(200) NOT NULL,
        team_id     INT NOT NULL,
        region_id   INT NOT NULL,
        hired_date  DATE NULL
    );

IF OBJECT_ID(N'dbo.dim_agent', N'U') IS NULL
    CREATE TABLE dbo.dim_agent (
        agent_id  INT NOT NULL PRIMARY KEY,
        name      NVARCHAR(200) NOT NULL
    );

IF OBJECT_ID(N'dbo.dim_campaign', N'U') IS NULL
    CREATE TABLE dbo.dim_campaign (
        campaign_id           INT NOT NULL PRIMARY KEY,
        name                  NVARCHAR(200) NOT NULL,
        marketing_channel_id  INT NOT NULL,
        start_date            DATE NOT NULL,
        end_date              DATE NOT NULL,
        attribution_days      INT NOT NULL,
        budget                DECIMAL(18,2) NULL
    );

IF OBJECT_ID(N'dbo.dim_customer', N'U') IS NULL
    CREATE TABLE dbo.dim_customer (
        customer_id              BIGINT NOT NULL PRIMARY KEY,
        customer_code            NVARCHAR(100) NOT NULL UNIQUE,
        name                     NVARCHAR(200) NULL,
        email                    NVARCHAR(320) NULL,
        phone                    NVARCHAR(50) NULL,
        city                     NVARCHAR(100) NULL,
        region_id                INT NULL,
        segment_id               INT NULL,
        owner_rep_id             INT NULL,
        acquired_date            DATE NULL,
        acquisition_channel_id   INT NULL,
        acquisition_campaign_id  INT NULL,
        updated_at               DATETIME2(3) NOT NULL
    );

IF OBJECT_ID(N'dbo.dim_stage', N'U') IS NULL
    CREATE TABLE dbo.dim_stage (
        stage        NVARCHAR(40) NOT NULL PRIMARY KEY,
        sort_order   INT NOT NULL,
        probability  DECIMAL(5,4) NOT NULL,
        is_closed    TINYINT NOT NULL
    );
INSERT INTO dbo.dim_stage (stage, sort_order, probability, is_closed)
SELECT stage, sort_order, probability, is_closed FROM (VALUES
    (N'prospecting', 1, 0.10, 0),
    (N'qualification', 2, 0.25, 0),
    (N'proposal', 3, 0.50, 0),
    (N'negotiation', 4, 0.75, 0),
    (N'won', 5, 1.00, 1),
    (N'lost', 6, 0.00, 1)) AS s(stage, sort_order, probability, is_closed)
WHERE NOT EXISTS (SELECT 1 FROM dbo.dim_stage);

IF OBJECT_ID(N'dbo.fact_order', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.fact_order (
        order_id        BIGINT NOT NULL,
        order_code      NVARCHAR(100) NOT NULL,
        customer_id     BIGINT NULL,
        order_date      DATE NOT NULL,
        rep_id          INT NULL,
        team_id         INT NULL,
        region_id       INT NULL,
        segment_id      INT NULL,
        channel_id      INT NULL,
        category_id     INT NULL,
        campaign_id     INT NULL,
        revenue         DECIMAL(18,2) NOT NULL,
        cost            DECIMAL(18,2) NOT NULL,
        items           INT NOT NULL,
        returned_value  DECIMAL(18,2) NOT NULL,
        status          NVARCHAR(20) NOT NULL,
        written_at      DATETIME2(3) NULL CONSTRAINT df_fact_order_written_at DEFAULT SYSUTCDATETIME(),
        INDEX cci_fact_order CLUSTERED COLUMNSTORE
    );
    CREATE UNIQUE NONCLUSTERED INDEX ux_fact_order_code ON dbo.fact_order (order_code);
END;

IF OBJECT_ID(N'dbo.fact_ticket', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.fact_ticket (
        ticket_id          BIGINT NOT NULL,
        ticket_code        NVARCHAR(100) NOT NULL,
        customer_id        BIGINT NULL,
        category           NVARCHAR(100) NOT NULL,
        channel            NVARCHAR(40) NOT NULL,
        submitted_at       DATETIME2(0) NOT NULL,
        first_response_at  DATETIME2(0) NULL,
        resolved_at        DATETIME2(0) NULL,
        is_complaint       TINYINT NOT NULL,
        agent_id           INT NULL,
        wait_seconds       INT NULL,
        talk_seconds       INT NULL,
        written_at         DATETIME2(3) NULL CONSTRAINT df_fact_ticket_written_at DEFAULT SYSUTCDATETIME(),
        INDEX cci_fact_ticket CLUSTERED COLUMNSTORE
    );
    CREATE UNIQUE NONCLUSTERED INDEX ux_fact_ticket_code ON dbo.fact_ticket (ticket_code);
END;

-- Ticket durations in seconds (see duckdb.sql). CREATE VIEW must start its own batch, hence EXEC.
IF OBJECT_ID(N'dbo.v_ticket', N'V') IS NULL
    EXEC (N'CREATE VIEW dbo.v_ticket AS
        SELECT t.*,
               CAST(DATEDIFF(SECOND, t.submitted_at, t.first_response_at) AS BIGINT) AS response_seconds,
               CAST(DATEDIFF(SECOND, t.submitted_at, t.resolved_at) AS BIGINT) AS resolution_seconds
        FROM dbo.fact_ticket t');

IF OBJECT_ID(N'dbo.fact_survey', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.fact_survey (
        survey_id       BIGINT NOT NULL,
        survey_code     NVARCHAR(100) NOT NULL,
        customer_id     BIGINT NULL,
        survey_date     DATE NOT NULL,
        touchpoint      NVARCHAR(40) NOT NULL,
        csat            SMALLINT NULL,
        service_rating  SMALLINT NULL,
        recommend       SMALLINT NULL,
        written_at      DATETIME2(3) NULL CONSTRAINT df_fact_survey_written_at DEFAULT SYSUTCDATETIME(),
        INDEX cci_fact_survey CLUSTERED COLUMNSTORE
    );
    CREATE UNIQUE NONCLUSTERED INDEX ux_fact_survey_code ON dbo.fact_survey (survey_code);
END;

IF OBJECT_ID(N'dbo.fact_campaign_touch', N'U') IS NULL
    CREATE TABLE dbo.fact_campaign_touch (
        campaign_id     INT NOT NULL,
        customer_id     BIGINT NOT NULL,
        sent_date       DATE NOT NULL,
        responded       TINYINT NOT NULL,
        responded_date  DATE NULL,
        converted       TINYINT NOT NULL,
        written_at      DATETIME2(3) NULL CONSTRAINT df_fact_campaign_touch_written_at DEFAULT SYSUTCDATETIME(),
        INDEX cci_fact_campaign_touch CLUSTERED COLUMNSTORE
    );

IF OBJECT_ID(N'dbo.fact_campaign_spend', N'U') IS NULL
    CREATE TABLE dbo.fact_campaign_spend (
        campaign_id  INT NOT NULL,
        spend_date   DATE NOT NULL,
        amount       DECIMAL(18,2) NOT NULL
    );

IF OBJECT_ID(N'dbo.fact_opportunity', N'U') IS NULL
    CREATE TABLE dbo.fact_opportunity (
        opportunity_id    BIGINT NOT NULL,
        opportunity_code  NVARCHAR(100) NOT NULL,
        rep_id            INT NOT NULL,
        customer_id       BIGINT NULL,
        created_date      DATE NOT NULL,
        closed_date       DATE NULL,
        stage             NVARCHAR(40) NOT NULL,
        amount            DECIMAL(18,2) NOT NULL,
        written_at        DATETIME2(3) NULL CONSTRAINT df_fact_opportunity_written_at DEFAULT SYSUTCDATETIME()
    );

IF OBJECT_ID(N'dbo.fact_activity', N'U') IS NULL
    CREATE TABLE dbo.fact_activity (
        activity_id    BIGINT NOT NULL,
        rep_id         INT NOT NULL,
        customer_id    BIGINT NULL,
        activity_date  DATE NOT NULL,
        kind           NVARCHAR(40) NOT NULL,
        written_at     DATETIME2(3) NULL CONSTRAINT df_fact_activity_written_at DEFAULT SYSUTCDATETIME(),
        INDEX cci_fact_activity CLUSTERED COLUMNSTORE
    );

-- team_id: the team the rep sells for that month (NULL: the rep's current team).
IF OBJECT_ID(N'dbo.fact_quota', N'U') IS NULL
    CREATE TABLE dbo.fact_quota (
        rep_id       INT NOT NULL,
        month_start  DATE NOT NULL,
        amount       DECIMAL(18,2) NOT NULL,
        team_id      INT NULL,
        PRIMARY KEY (rep_id, month_start)
    );
IF COL_LENGTH(N'dbo.fact_quota', N'team_id') IS NULL
    ALTER TABLE dbo.fact_quota ADD team_id INT NULL;

-- Surrogate keys of the rows the app writes come from sequences (ingest reserves blocks with
-- sp_sequence_get_range), so two app instances on this database never take the same id. A
-- sequence created on an existing database starts after the table's highest id.
IF OBJECT_ID(N'dbo.seq_order', N'SO') IS NULL
BEGIN
    DECLARE @seq_order_start BIGINT = (SELECT COALESCE(MAX(order_id), 0) + 1 FROM dbo.fact_order);
    DECLARE @seq_order_sql NVARCHAR(200) = N'CREATE SEQUENCE dbo.seq_order AS BIGINT START WITH ' + CAST(@seq_order_start AS NVARCHAR(20));
    EXEC (@seq_order_sql);
END;
IF OBJECT_ID(N'dbo.seq_customer', N'SO') IS NULL
BEGIN
    DECLARE @seq_customer_start BIGINT = (SELECT COALESCE(MAX(customer_id), 0) + 1 FROM dbo.dim_customer);
    DECLARE @seq_customer_sql NVARCHAR(200) = N'CREATE SEQUENCE dbo.seq_customer AS BIGINT START WITH ' + CAST(@seq_customer_start AS NVARCHAR(20));
    EXEC (@seq_customer_sql);
END;
IF OBJECT_ID(N'dbo.seq_ticket', N'SO') IS NULL
BEGIN
    DECLARE @seq_ticket_start BIGINT = (SELECT COALESCE(MAX(ticket_id), 0) + 1 FROM dbo.fact_ticket);
    DECLARE @seq_ticket_sql NVARCHAR(200) = N'CREATE SEQUENCE dbo.seq_ticket AS BIGINT START WITH ' + CAST(@seq_ticket_start AS NVARCHAR(20));
    EXEC (@seq_ticket_sql);
END;
IF OBJECT_ID(N'dbo.seq_survey', N'SO') IS NULL
BEGIN
    DECLARE @seq_survey_start BIGINT = (SELECT COALESCE(MAX(survey_id), 0) + 1 FROM dbo.fact_survey);
    DECLARE @seq_survey_sql NVARCHAR(200) = N'CREATE SEQUENCE dbo.seq_survey AS BIGINT START WITH ' + CAST(@seq_survey_start AS NVARCHAR(20));
    EXEC (@seq_survey_sql);
END;
IF OBJECT_ID(N'dbo.seq_opportunity', N'SO') IS NULL
BEGIN
    DECLARE @seq_opportunity_start BIGINT = (SELECT COALESCE(MAX(opportunity_id), 0) + 1 FROM dbo.fact_opportunity);
    DECLARE @seq_opportunity_sql NVARCHAR(200) = N'CREATE SEQUENCE dbo.seq_opportunity AS BIGINT START WITH ' + CAST(@seq_opportunity_start AS NVARCHAR(20));
    EXEC (@seq_opportunity_sql);
END;
IF OBJECT_ID(N'dbo.seq_key', N'SO') IS NULL
BEGIN
    DECLARE @seq_key_start BIGINT = (SELECT COALESCE(MAX(key_id), 0) + 1 FROM dbo.app_key);
    DECLARE @seq_key_sql NVARCHAR(200) = N'CREATE SEQUENCE dbo.seq_key AS BIGINT START WITH ' + CAST(@seq_key_start AS NVARCHAR(20));
    EXEC (@seq_key_sql);
END;

-- Source codes identify a record for idempotent re-sends: unique, so two instances writing the
-- same code at once fail loudly instead of both inserting it.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ux_fact_opportunity_code' AND object_id = OBJECT_ID(N'dbo.fact_opportunity'))
    CREATE UNIQUE NONCLUSTERED INDEX ux_fact_opportunity_code ON dbo.fact_opportunity (opportunity_code);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ux_fact_campaign_touch_key' AND object_id = OBJECT_ID(N'dbo.fact_campaign_touch'))
    CREATE UNIQUE NONCLUSTERED INDEX ux_fact_campaign_touch_key ON dbo.fact_campaign_touch (campaign_id, customer_id, sent_date);

-- Pre-aggregates (see duckdb.sql): derived from the facts, maintained by every write path in
-- the writer's transaction and rebuilt whole by `aggregates rebuild`.
IF OBJECT_ID(N'dbo.agg_first_sale', N'U') IS NULL
    CREATE TABLE dbo.agg_first_sale (
        customer_id  BIGINT NOT NULL,
        order_id     BIGINT NOT NULL,
        first_date   DATE NOT NULL,
        rep_id       INT NULL,
        team_id      INT NULL,
        region_id    INT NULL,
        segment_id   INT NULL,
        channel_id   INT NULL,
        category_id  INT NULL,
        campaign_id  INT NULL,
        acquisition_campaign_id  INT NULL,
        acquisition_channel_id   INT NULL,
        is_first_row             INT NULL,
        INDEX ix_agg_first_sale_customer CLUSTERED (customer_id, order_id)
    );
IF COL_LENGTH(N'dbo.agg_first_sale', N'acquisition_campaign_id') IS NULL
    ALTER TABLE dbo.agg_first_sale ADD acquisition_campaign_id INT NULL;
IF COL_LENGTH(N'dbo.agg_first_sale', N'acquisition_channel_id') IS NULL
    ALTER TABLE dbo.agg_first_sale ADD acquisition_channel_id INT NULL;
IF COL_LENGTH(N'dbo.agg_first_sale', N'is_first_row') IS NULL
    ALTER TABLE dbo.agg_first_sale ADD is_first_row INT NULL;

IF OBJECT_ID(N'dbo.agg_sale_chain', N'U') IS NULL
    CREATE TABLE dbo.agg_sale_chain (
        customer_id  BIGINT NOT NULL,
        sale_date    DATE NOT NULL,
        month_start  DATE NOT NULL,
        prev_date    DATE NULL,
        prev2_date   DATE NULL,
        first_date   DATE NULL,
        revenue      DECIMAL(18,2) NULL,
        next_date         DATE NULL,
        lifetime_revenue  DECIMAL(18,2) NULL,
        lifetime_orders   BIGINT NULL,
        INDEX cci_agg_sale_chain CLUSTERED COLUMNSTORE
    );
IF COL_LENGTH(N'dbo.agg_sale_chain', N'first_date') IS NULL
    ALTER TABLE dbo.agg_sale_chain ADD first_date DATE NULL;
IF COL_LENGTH(N'dbo.agg_sale_chain', N'revenue') IS NULL
    ALTER TABLE dbo.agg_sale_chain ADD revenue DECIMAL(18,2) NULL;
IF COL_LENGTH(N'dbo.agg_sale_chain', N'next_date') IS NULL
    ALTER TABLE dbo.agg_sale_chain ADD next_date DATE NULL;
IF COL_LENGTH(N'dbo.agg_sale_chain', N'lifetime_revenue') IS NULL
    ALTER TABLE dbo.agg_sale_chain ADD lifetime_revenue DECIMAL(18,2) NULL;
IF COL_LENGTH(N'dbo.agg_sale_chain', N'lifetime_orders') IS NULL
    ALTER TABLE dbo.agg_sale_chain ADD lifetime_orders BIGINT NULL;

-- agg_sale_chain's rows counted per sale day and prior sale (see duckdb.sql).
IF OBJECT_ID(N'dbo.agg_sale_pair', N'U') IS NULL
    CREATE TABLE dbo.agg_sale_pair (
        sale_date    DATE NOT NULL,
        month_start  DATE NOT NULL,
        steps_back   SMALLINT NOT NULL,
        prior_date   DATE NULL,
        sales        BIGINT NOT NULL,
        INDEX ix_agg_sale_pair CLUSTERED (sale_date, steps_back, prior_date)
    );

-- Cohort activity (see duckdb.sql): customers per (first-sale day, first sale in a month).
IF OBJECT_ID(N'dbo.agg_cohort_activity', N'U') IS NULL
    CREATE TABLE dbo.agg_cohort_activity (
        first_date    DATE NOT NULL,
        first_month   DATE NOT NULL,
        active_date   DATE NOT NULL,
        active_month  DATE NOT NULL,
        customers     BIGINT NOT NULL,
        retained      BIGINT NOT NULL,
        INDEX ix_agg_cohort_activity CLUSTERED (active_month, first_date)
    );

-- Orders summed per day and filter dimensions (see duckdb.sql).
IF OBJECT_ID(N'dbo.agg_sale_day', N'U') IS NULL
    CREATE TABLE dbo.agg_sale_day (
        sale_date          DATE NOT NULL,
        month_start        DATE NOT NULL,
        region_id          INT NULL,
        segment_id         INT NULL,
        channel_id         INT NULL,
        category_id        INT NULL,
        team_id            INT NULL,
        orders             BIGINT NOT NULL,
        revenue            DECIMAL(18,2) NOT NULL,
        cost               DECIMAL(18,2) NOT NULL,
        items              BIGINT NOT NULL,
        identified_orders  BIGINT NOT NULL,
        returns_value      DECIMAL(18,2) NOT NULL,
        INDEX cci_agg_sale_day CLUSTERED COLUMNSTORE
    );

-- Sales targets pre-aggregates (see duckdb.sql).
IF OBJECT_ID(N'dbo.agg_rep_sale_day', N'U') IS NULL
    CREATE TABLE dbo.agg_rep_sale_day (
        sale_date    DATE NOT NULL,
        month_start  DATE NOT NULL,
        team_id      INT NULL,
        rep_id       INT NOT NULL,
        revenue      DECIMAL(18,2) NOT NULL,
        INDEX cci_agg_rep_sale_day CLUSTERED COLUMNSTORE
    );

IF OBJECT_ID(N'dbo.agg_campaign_sale_day', N'U') IS NULL
    CREATE TABLE dbo.agg_campaign_sale_day (
        sale_date    DATE NOT NULL,
        month_start  DATE NOT NULL,
        campaign_id  INT NOT NULL,
        team_id      INT NULL,
        revenue      DECIMAL(18,2) NOT NULL,
        INDEX cci_agg_campaign_sale_day CLUSTERED COLUMNSTORE
    );

IF OBJECT_ID(N'dbo.agg_activity_day', N'U') IS NULL
    CREATE TABLE dbo.agg_activity_day (
        activity_date  DATE NOT NULL,
        month_start    DATE NOT NULL,
        rep_id         INT NOT NULL,
        activities     BIGINT NOT NULL,
        calls          BIGINT NOT NULL,
        emails         BIGINT NOT NULL,
        visits         BIGINT NOT NULL,
        meetings       BIGINT NOT NULL,
        INDEX cci_agg_activity_day CLUSTERED COLUMNSTORE
    );

IF OBJECT_ID(N'dbo.agg_opportunity_day', N'U') IS NULL
    CREATE TABLE dbo.agg_opportunity_day (
        closed_date     DATE NOT NULL,
        month_start     DATE NOT NULL,
        rep_id          INT NOT NULL,
        closed          BIGINT NOT NULL,
        won             BIGINT NOT NULL,
        lost            BIGINT NOT NULL,
        won_cycle_days  BIGINT NOT NULL,
        INDEX cci_agg_opportunity_day CLUSTERED COLUMNSTORE
    );

IF OBJECT_ID(N'dbo.agg_open_pipeline', N'U') IS NULL
    CREATE TABLE dbo.agg_open_pipeline (
        rep_id           INT NOT NULL,
        stage            NVARCHAR(40) NOT NULL,
        opportunities    BIGINT NOT NULL,
        amount           DECIMAL(18,2) NOT NULL,
        weighted_amount  DECIMAL(18,4) NOT NULL
    );

IF OBJECT_ID(N'dbo.agg_touch_chain', N'U') IS NULL
    CREATE TABLE dbo.agg_touch_chain (
        customer_id         BIGINT NOT NULL,
        sent_date           DATE NOT NULL,
        month_start         DATE NOT NULL,
        responded           TINYINT NOT NULL,
        prev_date           DATE NULL,
        prev_response_date  DATE NULL,
        INDEX cci_agg_touch_chain CLUSTERED COLUMNSTORE
    );

-- agg_touch_chain's rows counted per sent day and prior touch (see duckdb.sql).
IF OBJECT_ID(N'dbo.agg_touch_pair', N'U') IS NULL
    CREATE TABLE dbo.agg_touch_pair (
        sent_date    DATE NOT NULL,
        month_start  DATE NOT NULL,
        step         SMALLINT NOT NULL,
        prior_date   DATE NOT NULL,
        touches      BIGINT NOT NULL,
        INDEX ix_agg_touch_pair CLUSTERED (sent_date, step, prior_date)
    );

-- Marketing view pre-aggregates (see duckdb.sql).
IF OBJECT_ID(N'dbo.agg_touch_conversion', N'U') IS NULL
    CREATE TABLE dbo.agg_touch_conversion (
        customer_id                    BIGINT NOT NULL,
        campaign_id                    INT NOT NULL,
        sent_date                      DATE NOT NULL,
        month_start                    DATE NOT NULL,
        responded                      TINYINT NOT NULL,
        converted                      TINYINT NOT NULL,
        prev_date                      DATE NULL,
        prev_response_date             DATE NULL,
        prev_converted_date            DATE NULL,
        prev_responded_converted_date  DATE NULL,
        prev_campaign_date             DATE NULL,
        prev_campaign_response_date    DATE NULL,
        prev_campaign_converted_date   DATE NULL,
        INDEX cci_agg_touch_conversion CLUSTERED COLUMNSTORE
    );
IF COL_LENGTH(N'dbo.agg_touch_conversion', N'prev_campaign_date') IS NULL
    ALTER TABLE dbo.agg_touch_conversion ADD prev_campaign_date DATE NULL, prev_campaign_response_date DATE NULL, prev_campaign_converted_date DATE NULL;

-- agg_touch_conversion's rows counted per sent day and prior touch (see duckdb.sql).
IF OBJECT_ID(N'dbo.agg_conversion_pair', N'U') IS NULL
    CREATE TABLE dbo.agg_conversion_pair (
        sent_date    DATE NOT NULL,
        month_start  DATE NOT NULL,
        step         SMALLINT NOT NULL,
        prior_date   DATE NOT NULL,
        touches      BIGINT NOT NULL,
        INDEX ix_agg_conversion_pair CLUSTERED (sent_date, step, prior_date)
    );

IF OBJECT_ID(N'dbo.agg_category_chain', N'U') IS NULL
    CREATE TABLE dbo.agg_category_chain (
        customer_id       BIGINT NOT NULL,
        sale_date         DATE NOT NULL,
        month_start       DATE NOT NULL,
        prev_date         DATE NULL,
        next_other_date   DATE NULL,
        next_other_month  DATE NULL,
        INDEX cci_agg_category_chain CLUSTERED COLUMNSTORE
    );

-- Contribution page pre-aggregate: each sale with its previous same-member sale per dimension (see duckdb.sql).
IF OBJECT_ID(N'dbo.agg_member_chain', N'U') IS NULL
    CREATE TABLE dbo.agg_member_chain (
        customer_id         BIGINT NOT NULL,
        sale_date           DATE NOT NULL,
        region_id           INT NULL,
        segment_id          INT NULL,
        channel_id          INT NULL,
        category_id         INT NULL,
        prev_region_date    DATE NULL,
        prev_segment_date   DATE NULL,
        prev_channel_date   DATE NULL,
        prev_category_date  DATE NULL,
        month_start         DATE NULL,
        prev2_region_date   DATE NULL,
        prev2_segment_date  DATE NULL,
        prev2_channel_date  DATE NULL,
        prev2_category_date DATE NULL,
        revenue             DECIMAL(18,2) NULL,
        first_date          DATE NULL,
        INDEX cci_agg_member_chain CLUSTERED COLUMNSTORE
    );
IF COL_LENGTH(N'dbo.agg_member_chain', N'month_start') IS NULL
    ALTER TABLE dbo.agg_member_chain ADD month_start DATE NULL;
IF COL_LENGTH(N'dbo.agg_member_chain', N'prev2_region_date') IS NULL
    ALTER TABLE dbo.agg_member_chain ADD prev2_region_date DATE NULL;
IF COL_LENGTH(N'dbo.agg_member_chain', N'prev2_segment_date') IS NULL
    ALTER TABLE dbo.agg_member_chain ADD prev2_segment_date DATE NULL;
IF COL_LENGTH(N'dbo.agg_member_chain', N'prev2_channel_date') IS NULL
    ALTER TABLE dbo.agg_member_chain ADD prev2_channel_date DATE NULL;
IF COL_LENGTH(N'dbo.agg_member_chain', N'prev2_category_date') IS NULL
    ALTER TABLE dbo.agg_member_chain ADD prev2_category_date DATE NULL;
IF COL_LENGTH(N'dbo.agg_member_chain', N'revenue') IS NULL
    ALTER TABLE dbo.agg_member_chain ADD revenue DECIMAL(18,2) NULL;
IF COL_LENGTH(N'dbo.agg_member_chain', N'first_date') IS NULL
    ALTER TABLE dbo.agg_member_chain ADD first_date DATE NULL;

-- Complaints: each complainant's sales before and after the day they complained (see duckdb.sql).
IF OBJECT_ID(N'dbo.agg_complaint_sale', N'U') IS NULL
    CREATE TABLE dbo.agg_complaint_sale (
        customer_id    BIGINT NOT NULL,
        complaint_day  DATE NOT NULL,
        month_start    DATE NOT NULL,
        prev_sale      DATE NULL,
        next_sale      DATE NULL,
        next_month     DATE NULL,
        INDEX ix_agg_complaint_sale CLUSTERED (complaint_day, customer_id)
    );

-- Satisfaction view pre-aggregate: the tickets that repeat an issue (see duckdb.sql).
IF OBJECT_ID(N'dbo.agg_ticket_repeat', N'U') IS NULL
    CREATE TABLE dbo.agg_ticket_repeat (
        ticket_id     BIGINT NOT NULL,
        customer_id   BIGINT NOT NULL,
        submitted_at  DATETIME2(0) NOT NULL,
        month_start   DATE NOT NULL,
        INDEX ix_agg_ticket_repeat CLUSTERED (ticket_id)
    );

-- Satisfaction view: tickets and survey measures per day (see duckdb.sql).
IF OBJECT_ID(N'dbo.agg_ticket_day', N'U') IS NULL
    CREATE TABLE dbo.agg_ticket_day (
        submitted_date            DATE NOT NULL PRIMARY KEY,
        tickets                   BIGINT NOT NULL,
        resolved                  BIGINT NOT NULL,
        responded                 BIGINT NOT NULL,
        response_seconds_total    BIGINT NOT NULL,
        resolution_seconds_total  BIGINT NOT NULL,
        calls_waited              BIGINT NOT NULL,
        wait_seconds_total        BIGINT NOT NULL,
        calls_talked              BIGINT NOT NULL,
        talk_seconds_total        BIGINT NOT NULL
    );

IF OBJECT_ID(N'dbo.agg_survey_day', N'U') IS NULL
    CREATE TABLE dbo.agg_survey_day (
        survey_date           DATE NOT NULL PRIMARY KEY,
        csat_responses        BIGINT NOT NULL,
        csat_total            BIGINT NOT NULL,
        nps_respondents       BIGINT NOT NULL,
        promoters             BIGINT NOT NULL,
        detractors            BIGINT NOT NULL,
        csat_very_satisfied   BIGINT NOT NULL,
        csat_satisfied        BIGINT NOT NULL,
        csat_neutral          BIGINT NOT NULL,
        csat_dissatisfied     BIGINT NOT NULL,
        service_ratings       BIGINT NOT NULL,
        service_rating_total  BIGINT NOT NULL,
        service_excellent     BIGINT NOT NULL,
        service_good          BIGINT NOT NULL,
        service_pass          BIGINT NOT NULL,
        service_fail          BIGINT NOT NULL
    );

IF OBJECT_ID(N'dbo.aggregate_state', N'U') IS NULL
    CREATE TABLE dbo.aggregate_state (
        name      NVARCHAR(64) NOT NULL PRIMARY KEY,
        built_at  DATETIME2(3) NOT NULL
    );

IF OBJECT_ID(N'dbo.data_change_month', N'U') IS NULL
    CREATE TABLE dbo.data_change_month (
        area         NVARCHAR(64) NOT NULL,
        month_start  DATE NOT NULL,
        version      BIGINT NOT NULL,
        PRIMARY KEY (area, month_start)
    );
INSERT INTO dbo.data_change_month (area, month_start, version)
SELECT c.area, CAST('19000101' AS DATE), c.version
FROM dbo.data_change c
WHERE NOT EXISTS (SELECT 1 FROM dbo.data_change_month m WHERE m.area = c.area);

-- The days a write touched per area, when it named few; see duckdb.sql.
IF OBJECT_ID(N'dbo.data_change_day', N'U') IS NULL
    CREATE TABLE dbo.data_change_day (
        area     NVARCHAR(64) NOT NULL,
        day      DATE NOT NULL,
        version  BIGINT NOT NULL,
        PRIMARY KEY (area, day)
    );

-- Balanced scorecards (KPIS.md §6); see duckdb.sql for the meaning of each column.
IF OBJECT_ID(N'dbo.scorecard', N'U') IS NULL
    CREATE TABLE dbo.scorecard (
        scorecard_id      INT NOT NULL PRIMARY KEY,
        name              NVARCHAR(100) NOT NULL,
        is_default        TINYINT NOT NULL,
        perspective_mode  NVARCHAR(16) NOT NULL,
        updated_at        DATETIME2(3) NOT NULL
    );

IF OBJECT_ID(N'dbo.scorecard_perspective', N'U') IS NULL
    CREATE TABLE dbo.scorecard_perspective (
        scorecard_id   INT NOT NULL,
        perspective    NVARCHAR(32) NOT NULL,
        kpi_mode       NVARCHAR(16) NOT NULL,
        direct_weight  DECIMAL(18,6) NULL,
        PRIMARY KEY (scorecard_id, perspective)
    );

IF OBJECT_ID(N'dbo.scorecard_kpi', N'U') IS NULL
    CREATE TABLE dbo.scorecard_kpi (
        scorecard_id   INT NOT NULL,
        kpi_id         NVARCHAR(64) NOT NULL,
        perspective    NVARCHAR(32) NOT NULL,
        sort_order     INT NOT NULL,
        standard       NVARCHAR(16) NOT NULL,
        target         DECIMAL(18,6) NULL,
        amber_from     DECIMAL(9,2) NOT NULL,
        green_from     DECIMAL(9,2) NOT NULL,
        direct_weight  DECIMAL(18,6) NULL,
        PRIMARY KEY (scorecard_id, kpi_id)
    );

IF OBJECT_ID(N'dbo.scorecard_comparison', N'U') IS NULL
    CREATE TABLE dbo.scorecard_comparison (
        scorecard_id  INT NOT NULL,
        matrix_group  NVARCHAR(32) NOT NULL,
        item_a        NVARCHAR(64) NOT NULL,
        item_b        NVARCHAR(64) NOT NULL,
        ratio         DECIMAL(18,6) NOT NULL,
        PRIMARY KEY (scorecard_id, matrix_group, item_a, item_b)
    );

IF OBJECT_ID(N'dbo.alert_rule', N'U') IS NULL
    CREATE TABLE dbo.alert_rule (
        rule_id            INT NOT NULL PRIMARY KEY,
        name               NVARCHAR(100) NOT NULL,
        kpi_id             NVARCHAR(64) NOT NULL,
        comparison         NVARCHAR(8) NOT NULL,
        threshold          DECIMAL(18,6) NOT NULL,
        sustain            INT NOT NULL,
        filter_query       NVARCHAR(2000) NOT NULL,
        scope_teams        NVARCHAR(400) NULL,
        enabled            TINYINT NOT NULL,
        created_by         NVARCHAR(100) NULL,
        created_at         DATETIME2(3) NOT NULL,
        breaches           INT NOT NULL,
        is_firing          TINYINT NOT NULL,
        last_value         DECIMAL(18,6) NULL,
        evaluated_version  BIGINT NULL,
        evaluated_at       DATETIME2(3) NULL
    );

IF OBJECT_ID(N'dbo.alert_event', N'U') IS NULL
    CREATE TABLE dbo.alert_event (
        event_id      BIGINT NOT NULL PRIMARY KEY,
        rule_id       INT NOT NULL,
        rule_name     NVARCHAR(100) NOT NULL,
        kpi_id        NVARCHAR(64) NOT NULL,
        comparison    NVARCHAR(8) NOT NULL,
        scope_teams   NVARCHAR(400) NULL,
        kind          NVARCHAR(8) NOT NULL,
        kpi_value     DECIMAL(18,6) NULL,
        threshold     DECIMAL(18,6) NOT NULL,
        data_version  BIGINT NOT NULL,
        occurred_at   DATETIME2(3) NOT NULL
    );

-- Columns added after a database may have been created: an older database gains them here
-- (rows already there get the time of the upgrade as written_at, as in duckdb.sql).
IF COL_LENGTH(N'dbo.fact_order', N'written_at') IS NULL
    ALTER TABLE dbo.fact_order ADD written_at DATETIME2(3) NULL CONSTRAINT df_fact_order_written_at DEFAULT SYSUTCDATETIME() WITH VALUES;
IF COL_LENGTH(N'dbo.fact_ticket', N'written_at') IS NULL
    ALTER TABLE dbo.fact_ticket ADD written_at DATETIME2(3) NULL CONSTRAINT df_fact_ticket_written_at DEFAULT SYSUTCDATETIME() WITH VALUES;
IF COL_LENGTH(N'dbo.fact_survey', N'written_at') IS NULL
    ALTER TABLE dbo.fact_survey ADD written_at DATETIME2(3) NULL CONSTRAINT df_fact_survey_written_at DEFAULT SYSUTCDATETIME() WITH VALUES;
IF COL_LENGTH(N'dbo.fact_campaign_touch', N'written_at') IS NULL
    ALTER TABLE dbo.fact_campaign_touch ADD written_at DATETIME2(3) NULL CONSTRAINT df_fact_campaign_touch_written_at DEFAULT SYSUTCDATETIME() WITH VALUES;
IF COL_LENGTH(N'dbo.fact_opportunity', N'written_at') IS NULL
    ALTER TABLE dbo.fact_opportunity ADD written_at DATETIME2(3) NULL CONSTRAINT df_fact_opportunity_written_at DEFAULT SYSUTCDATETIME() WITH VALUES;
IF COL_LENGTH(N'dbo.fact_activity', N'written_at') IS NULL
    ALTER TABLE dbo.fact_activity ADD written_at DATETIME2(3) NULL CONSTRAINT df_fact_activity_written_at DEFAULT SYSUTCDATETIME() WITH VALUES;
