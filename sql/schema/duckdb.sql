-- CrmInsight star schema for DuckDB (the embedded default).
-- Kept in step with sqlserver.sql: same tables, same columns, same meaning.
--
-- Fact tables carry no primary-key or unique constraints here: DuckDB maintains them
-- with ART indexes that slow the bulk Appender load and cost memory at 10 M rows.
-- Idempotent writes (import, ingest) delete by source code before inserting instead.
-- Flags are TINYINT 0/1 in both engines so SUM and "= 1" read the same everywhere.

CREATE TABLE IF NOT EXISTS data_version (
    id          INTEGER PRIMARY KEY,
    version     BIGINT NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
INSERT INTO data_version (id, version, updated_at)
SELECT 1, 0, CAST(current_timestamp AS TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM data_version);

-- The global version at which each data area (table) last changed, so a write of tickets
-- leaves cached order results valid. Area '*' is a write that touched everything.
CREATE TABLE IF NOT EXISTS data_change (
    area     VARCHAR PRIMARY KEY,
    version  BIGINT NOT NULL
);

-- Keys for the ingest API ('api'), reading (GET /api/kpis and exports, 'read') and wall
-- displays ('display'). Only a SHA-256 of the key is stored: the key itself is shown once,
-- when it is created.
CREATE TABLE IF NOT EXISTS app_key (
    key_id        INTEGER PRIMARY KEY,
    name          VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,     -- 'api' (ingest) | 'read' | 'display'
    key_hash      VARCHAR NOT NULL,     -- lower-case hex SHA-256 of the key
    key_prefix    VARCHAR NOT NULL,     -- the first characters, to tell keys apart in lists
    created_at    TIMESTAMP NOT NULL,
    last_used_at  TIMESTAMP,
    revoked_at    TIMESTAMP
);

-- The teams a key is limited to, as a sales lead is limited to the teams they lead; a key
-- with no row here sees every team.
CREATE TABLE IF NOT EXISTS app_key_team (
    key_id   INTEGER NOT NULL,
    team_id  INTEGER NOT NULL
);

-- People who sign in, kept by ASP.NET Core Identity through a Dapper store: the password
-- hash is Identity's own (PBKDF2), the security stamp changes whenever the account's access
-- changes (password, role, teams, disabled, sign-out), so every cookie issued before it stops
-- working. Lockout times are UTC. Names are unique by their normalised (upper-case) form.
CREATE SEQUENCE IF NOT EXISTS app_user_seq START 1;
CREATE TABLE IF NOT EXISTS app_user (
    user_id               INTEGER PRIMARY KEY DEFAULT nextval('app_user_seq'),
    user_name             VARCHAR NOT NULL,
    normalized_user_name  VARCHAR NOT NULL UNIQUE,
    password_hash         VARCHAR,
    security_stamp        VARCHAR NOT NULL,
    concurrency_stamp     VARCHAR NOT NULL,
    role                  VARCHAR NOT NULL,     -- Admin | Executive | Analyst | SalesLead
    lockout_enabled       TINYINT NOT NULL,
    lockout_ends_at       TIMESTAMP,
    access_failed_count   INTEGER NOT NULL,
    disabled_at           TIMESTAMP,
    created_at            TIMESTAMP NOT NULL,
    last_sign_in_at       TIMESTAMP
);

-- The teams a sales lead leads (the rows they may see; see docs/KPIS.md, Ownership).
CREATE TABLE IF NOT EXISTS app_user_team (
    user_id  INTEGER NOT NULL,
    team_id  INTEGER NOT NULL
);

-- Who did what when: sign-ins (and failed ones), user and key changes, imports, simulator switches.
CREATE SEQUENCE IF NOT EXISTS app_audit_seq START 1;
CREATE TABLE IF NOT EXISTS app_audit (
    audit_id  BIGINT PRIMARY KEY DEFAULT nextval('app_audit_seq'),
    occurred_at  TIMESTAMP NOT NULL,
    actor     VARCHAR NOT NULL,
    action    VARCHAR NOT NULL,
    target    VARCHAR,
    detail    VARCHAR,
    address   VARCHAR
);

-- One row per calendar day. Queries group by these keys instead of calling date functions,
-- which keeps the query files portable between DuckDB and SQL Server.
CREATE TABLE IF NOT EXISTS dim_date (
    date_key       INTEGER PRIMARY KEY,   -- yyyymmdd
    calendar_date  DATE NOT NULL,
    cal_year       INTEGER NOT NULL,
    cal_quarter    INTEGER NOT NULL,      -- 1..4
    cal_month      INTEGER NOT NULL,      -- 1..12
    cal_day        INTEGER NOT NULL,
    iso_weekday    INTEGER NOT NULL,      -- 1 = Monday .. 7 = Sunday
    quarter_key    INTEGER NOT NULL,      -- yyyyq
    quarter_start  DATE NOT NULL,
    month_key      INTEGER NOT NULL,      -- yyyymm
    month_start    DATE NOT NULL,
    week_key       INTEGER NOT NULL,      -- ISO year * 100 + ISO week
    week_start     DATE NOT NULL,         -- the Monday of the ISO week
    day_number     INTEGER NOT NULL       -- days since 2000-01-01: date arithmetic as plain integers
);
INSERT INTO dim_date
SELECT
    CAST(strftime(d, '%Y%m%d') AS INTEGER),
    CAST(d AS DATE),
    year(d),
    quarter(d),
    month(d),
    day(d),
    isodow(d),
    year(d) * 10 + quarter(d),
    CAST(date_trunc('quarter', d) AS DATE),
    year(d) * 100 + month(d),
    CAST(date_trunc('month', d) AS DATE),
    isoyear(d) * 100 + week(d),
    CAST(date_trunc('week', d) AS DATE),
    CAST(date_diff('day', DATE '2000-01-01', CAST(d AS DATE)) AS INTEGER)
FROM generate_series(TIMESTAMP '2000-01-01', TIMESTAMP '2049-12-31', INTERVAL 1 DAY) AS g(d)
WHERE NOT EXISTS (SELECT 1 FROM dim_date);

CREATE TABLE IF NOT EXISTS dim_region (
    region_id  INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS dim_segment (
    segment_id  INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL
);

-- Sales channel: where an order was placed (online store, retail store, telesales ...).
CREATE TABLE IF NOT EXISTS dim_channel (
    channel_id  INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL
);

-- Marketing channel: how a campaign reaches people and how a customer was acquired.
CREATE TABLE IF NOT EXISTS dim_marketing_channel (
    marketing_channel_id  INTEGER PRIMARY KEY,
    name                  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS dim_category (
    category_id  INTEGER PRIMARY KEY,
    name         VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS dim_team (
    team_id    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    region_id  INTEGER
);

CREATE TABLE IF NOT EXISTS dim_rep (
    rep_id      INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL,
    team_id     INTEGER NOT NULL,
    region_id   INTEGER NOT NULL,
    hired_date  DATE
);

CREATE TABLE IF NOT EXISTS dim_agent (
    agent_id  INTEGER PRIMARY KEY,
    name      VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS dim_campaign (
    campaign_id           INTEGER PRIMARY KEY,
    name                  VARCHAR NOT NULL,
    marketing_channel_id  INTEGER NOT NULL,
    start_date            DATE NOT NULL,
    end_date              DATE NOT NULL,    -- exclusive
    attribution_days      INTEGER NOT NULL, -- an order up to this many days after end_date still counts
    budget                DECIMAL(18,2)
);

CREATE TABLE IF NOT EXISTS dim_customer (
    customer_id              BIGINT PRIMARY KEY,
    customer_code            VARCHAR NOT NULL,   -- the source CRM's id
    name                     VARCHAR,
    email                    VARCHAR,
    phone                    VARCHAR,
    city                     VARCHAR,
    region_id                INTEGER,
    segment_id               INTEGER,
    owner_rep_id             INTEGER,
    acquired_date            DATE,
    acquisition_channel_id   INTEGER,            -- dim_marketing_channel
    acquisition_campaign_id  INTEGER,
    updated_at               TIMESTAMP NOT NULL
);

-- Stage of an opportunity and the probability used for the weighted pipeline.
CREATE TABLE IF NOT EXISTS dim_stage (
    stage        VARCHAR PRIMARY KEY,
    sort_order   INTEGER NOT NULL,
    probability  DECIMAL(5,4) NOT NULL,
    is_closed    TINYINT NOT NULL
);
INSERT INTO dim_stage (stage, sort_order, probability, is_closed)
SELECT * FROM (VALUES
    ('prospecting', 1, 0.10, 0),
    ('qualification', 2, 0.25, 0),
    ('proposal', 3, 0.50, 0),
    ('negotiation', 4, 0.75, 0),
    ('won', 5, 1.00, 1),
    ('lost', 6, 0.00, 1)) AS s(stage, sort_order, probability, is_closed)
WHERE NOT EXISTS (SELECT 1 FROM dim_stage);

-- An order. segment_id and team_id are snapshots taken when the order was written, so a
-- customer changing segment or a rep changing team does not rewrite history, and order
-- queries filter without joins.
CREATE TABLE IF NOT EXISTS fact_order (
    order_id        BIGINT NOT NULL,
    order_code      VARCHAR NOT NULL,
    customer_id     BIGINT,             -- NULL: an anonymous sale
    order_date      DATE NOT NULL,
    rep_id          INTEGER,
    team_id         INTEGER,
    region_id       INTEGER,
    segment_id      INTEGER,
    channel_id      INTEGER,
    category_id     INTEGER,
    campaign_id     INTEGER,
    revenue         DECIMAL(18,2) NOT NULL,
    cost            DECIMAL(18,2) NOT NULL,
    items           INTEGER NOT NULL,
    returned_value  DECIMAL(18,2) NOT NULL,
    status          VARCHAR NOT NULL,   -- 'completed' | 'cancelled'
    written_at      TIMESTAMP DEFAULT timezone('UTC', current_timestamp)  -- last written (UTC), for data health
);

CREATE TABLE IF NOT EXISTS fact_ticket (
    ticket_id          BIGINT NOT NULL,
    ticket_code        VARCHAR NOT NULL,
    customer_id        BIGINT,
    category           VARCHAR NOT NULL,   -- billing, delivery, product, account, returns ...
    channel            VARCHAR NOT NULL,   -- phone, email, chat, web
    submitted_at       TIMESTAMP NOT NULL,
    first_response_at  TIMESTAMP,          -- NULL: not answered yet
    resolved_at        TIMESTAMP,          -- NULL: not resolved yet
    is_complaint       TINYINT NOT NULL,
    agent_id           INTEGER,
    wait_seconds       INTEGER,            -- phone only
    talk_seconds       INTEGER,            -- phone only
    written_at         TIMESTAMP DEFAULT timezone('UTC', current_timestamp)  -- last written (UTC), for data health
);

-- Ticket durations in seconds. The one place the engines differ (date_diff vs DATEDIFF),
-- so the query files that read durations stay shared.
CREATE OR REPLACE VIEW v_ticket AS
SELECT t.*,
       date_diff('second', t.submitted_at, t.first_response_at) AS response_seconds,
       date_diff('second', t.submitted_at, t.resolved_at) AS resolution_seconds
FROM fact_ticket t;

CREATE TABLE IF NOT EXISTS fact_survey (
    survey_id       BIGINT NOT NULL,
    survey_code     VARCHAR NOT NULL,
    customer_id     BIGINT,
    survey_date     DATE NOT NULL,
    touchpoint      VARCHAR NOT NULL,   -- purchase, service, relationship
    csat            SMALLINT,           -- 0..100
    service_rating  SMALLINT,           -- 1..10
    recommend       SMALLINT,           -- 0..10
    written_at      TIMESTAMP DEFAULT timezone('UTC', current_timestamp)  -- last written (UTC), for data health
);

CREATE TABLE IF NOT EXISTS fact_campaign_touch (
    campaign_id     INTEGER NOT NULL,
    customer_id     BIGINT NOT NULL,
    sent_date       DATE NOT NULL,
    responded       TINYINT NOT NULL,
    responded_date  DATE,
    converted       TINYINT NOT NULL,
    written_at      TIMESTAMP DEFAULT timezone('UTC', current_timestamp)  -- last written (UTC), for data health
);

CREATE TABLE IF NOT EXISTS fact_campaign_spend (
    campaign_id  INTEGER NOT NULL,
    spend_date   DATE NOT NULL,
    amount       DECIMAL(18,2) NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_opportunity (
    opportunity_id    BIGINT NOT NULL,
    opportunity_code  VARCHAR NOT NULL,
    rep_id            INTEGER NOT NULL,
    customer_id       BIGINT,
    created_date      DATE NOT NULL,
    closed_date       DATE,              -- NULL while open
    stage             VARCHAR NOT NULL,  -- dim_stage
    amount            DECIMAL(18,2) NOT NULL,
    written_at        TIMESTAMP DEFAULT timezone('UTC', current_timestamp)  -- last written (UTC), for data health
);

CREATE TABLE IF NOT EXISTS fact_activity (
    activity_id    BIGINT NOT NULL,
    rep_id         INTEGER NOT NULL,
    customer_id    BIGINT,
    activity_date  DATE NOT NULL,
    kind           VARCHAR NOT NULL,   -- call, visit, email, meeting
    written_at     TIMESTAMP DEFAULT timezone('UTC', current_timestamp)  -- last written (UTC), for data health
);

-- A rep's quota for a calendar month, and the team the rep sells for that month: a rep who
-- moves team keeps each month's quota with the team of that month (KPIS.md §5). team_id NULL
-- (rows written before the column existed) means the rep's current team.
CREATE TABLE IF NOT EXISTS fact_quota (
    rep_id       INTEGER NOT NULL,
    month_start  DATE NOT NULL,
    amount       DECIMAL(18,2) NOT NULL,
    team_id      INTEGER
);
ALTER TABLE fact_quota ADD COLUMN IF NOT EXISTS team_id INTEGER;

-- Surrogate keys of the rows the app writes (ingest, import, simulator, keys) come from these
-- sequences, never MAX(id) + 1. Rows loaded in bulk with their own ids (the demo generator, a
-- test's data) move a sequence behind; SequenceSync sets it past the table's highest id when
-- the schema is installed.
CREATE SEQUENCE IF NOT EXISTS seq_order START 1;
CREATE SEQUENCE IF NOT EXISTS seq_customer START 1;
CREATE SEQUENCE IF NOT EXISTS seq_ticket START 1;
CREATE SEQUENCE IF NOT EXISTS seq_survey START 1;
CREATE SEQUENCE IF NOT EXISTS seq_opportunity START 1;
CREATE SEQUENCE IF NOT EXISTS seq_key START 1;

-- Pre-aggregates: derived from the facts, maintained by every write path in the writer's
-- transaction (ingest, import, demo load; the simulator writes through ingest) and rebuilt
-- whole by `aggregates rebuild`. A test checks they equal a rebuild after random writes.
-- Their data area is the facts they derive from (fact_order), so a write of orders makes
-- results read from them stale exactly as results read from fact_order.

-- Every sale on the day of a customer's first-ever sale (nearly always one row per customer),
-- with the dimensions of that sale: "a new customer in P through this slice" is one range
-- read here instead of a scan of all history per query.
CREATE TABLE IF NOT EXISTS agg_first_sale (
    customer_id  BIGINT NOT NULL,
    order_id     BIGINT NOT NULL,
    first_date   DATE NOT NULL,
    rep_id       INTEGER,
    team_id      INTEGER,
    region_id    INTEGER,
    segment_id   INTEGER,
    channel_id   INTEGER,
    category_id  INTEGER,
    campaign_id  INTEGER,
    -- The customer's acquisition campaign and channel (dim_customer), copied so that "new
    -- customers attributed to a campaign or channel" (cac, CAC by channel) reads no dim_customer.
    -- Only a customer's creation sets them (ingest creates a customer before its orders and
    -- refreshes after; a customer import never changes them; other bulk writes rebuild), so
    -- the refresh of the customer's orders keeps them.
    acquisition_campaign_id  INTEGER,
    acquisition_channel_id   INTEGER,
    -- 1 on each customer's one row with the lowest order id, else 0: the unfiltered twins count
    -- new customers as a sum of it instead of grouping the rows by customer.
    is_first_row             INTEGER
);
-- A file from before these columns gets them here, and their values from the rebuild that the
-- new aggregate_state name asks for.
ALTER TABLE agg_first_sale ADD COLUMN IF NOT EXISTS acquisition_campaign_id INTEGER;
ALTER TABLE agg_first_sale ADD COLUMN IF NOT EXISTS acquisition_channel_id INTEGER;
ALTER TABLE agg_first_sale ADD COLUMN IF NOT EXISTS is_first_row INTEGER;

-- Every sale of an identified customer with the dates of that customer's previous and
-- second-previous sale (sales ordered by date, then order id). The first sale of a customer
-- in a window is the row whose previous sale is before the window, the second the row whose
-- previous sale is inside and second-previous before: distinct and repeat customers of any
-- window become plain counts over the window's rows (unfiltered views; see unfiltered/).
CREATE TABLE IF NOT EXISTS agg_sale_chain (
    customer_id  BIGINT NOT NULL,
    sale_date    DATE NOT NULL,
    month_start  DATE NOT NULL,
    prev_date    DATE,
    prev2_date   DATE,
    first_date   DATE,             -- the customer's first-ever sale (their cohort)
    revenue      DECIMAL(18,2),    -- the sale's revenue
    -- The customer's next sale, and their revenue and sales up to and including this one: the
    -- row of a customer's last sale before a day d is the one whose next sale is on or after d
    -- (or none), and it carries their lifetime to d (the churned list without reading history).
    next_date         DATE,
    lifetime_revenue  DECIMAL(18,2),
    lifetime_orders   BIGINT
);
-- Retention views: a file from before these columns gets them here, and their values from the
-- rebuild that the new aggregate_state name asks for.
ALTER TABLE agg_sale_chain ADD COLUMN IF NOT EXISTS first_date DATE;
ALTER TABLE agg_sale_chain ADD COLUMN IF NOT EXISTS revenue DECIMAL(18,2);
ALTER TABLE agg_sale_chain ADD COLUMN IF NOT EXISTS next_date DATE;
ALTER TABLE agg_sale_chain ADD COLUMN IF NOT EXISTS lifetime_revenue DECIMAL(18,2);
ALTER TABLE agg_sale_chain ADD COLUMN IF NOT EXISTS lifetime_orders BIGINT;

-- agg_sale_chain's rows counted per sale day and the date of the sale itself (steps_back 0), of
-- its previous sale (1; NULL for a customer's first-ever sale, so a window's new customers are
-- those rows too) and of its second-previous (2). A customer with k sales in a bucket
-- starting on b has k rows there, k - 1 whose previous sale is on or after b and k - 2 (or
-- none) whose second-previous is: so the bucket's distinct customers are the counts with
-- prior_date >= b of steps 0 minus 1, and its repeat customers (two or more sales) of steps 1
-- minus 2. About 770 k rows at 10 M orders against 8.8 M chain rows, and a window reads only
-- its days. Recomputed from a write's earliest touched day on, after agg_sale_chain.
CREATE TABLE IF NOT EXISTS agg_sale_pair (
    sale_date    DATE NOT NULL,
    month_start  DATE NOT NULL,
    steps_back   SMALLINT NOT NULL,
    prior_date   DATE,
    sales        BIGINT NOT NULL
);

-- Cohort activity (retention views): per customer and calendar month they bought in, one
-- customer counted at (the day of their first-ever sale, the day of their first sale in that
-- month). The cohort matrix of any window [from, to) is a sum of its rows: a customer whose
-- first sale is on or after `from` has every sale on or after it too, so they were active in a
-- month of the window exactly when their first sale in that month is before `to`.
CREATE TABLE IF NOT EXISTS agg_cohort_activity (
    first_date    DATE NOT NULL,
    first_month   DATE NOT NULL,
    active_date   DATE NOT NULL,
    active_month  DATE NOT NULL,
    customers     BIGINT NOT NULL,
    retained      BIGINT NOT NULL   -- of them, those whose previous sale is in the month before
);

-- Every order summed per day and the filter dimensions an order carries (region, segment,
-- channel, category, team): the additive sales measures (sales_totals, revenue_trend,
-- revenue_by_region) of the default views read ~700 rows a day instead of ~11,000 orders at
-- 10 M orders. orders, revenue, cost, items and identified_orders count sales only
-- (sql/fragments/sale.sql), returns_value every order, as sales_totals does. Refreshed per day
-- a write touched.
CREATE TABLE IF NOT EXISTS agg_sale_day (
    sale_date          DATE NOT NULL,
    month_start        DATE NOT NULL,
    region_id          INTEGER,
    segment_id         INTEGER,
    channel_id         INTEGER,
    category_id        INTEGER,
    team_id            INTEGER,
    orders             BIGINT NOT NULL,
    revenue            DECIMAL(18,2) NOT NULL,
    cost               DECIMAL(18,2) NOT NULL,
    items              BIGINT NOT NULL,
    identified_orders  BIGINT NOT NULL,
    returns_value      DECIMAL(18,2) NOT NULL
);

-- Sales targets (KPIS.md §5): the sales credited to a team, per day, team on the order and rep
-- (sql/fragments/credited_sales.sql: sales with a rep), so attainment, the team board and the
-- leaderboard sum ~60 rows a day instead of ~11,000 orders at 10 M. Refreshed per day a write touched.
CREATE TABLE IF NOT EXISTS agg_rep_sale_day (
    sale_date    DATE NOT NULL,
    month_start  DATE NOT NULL,
    team_id      INTEGER,
    rep_id       INTEGER NOT NULL,
    revenue      DECIMAL(18,2) NOT NULL
);

-- Marketing (KPIS.md, attributed_revenue): the sales that carry a campaign, summed per day,
-- campaign and team on the order (sql/fragments/attributed_sales.sql applies the campaign's
-- attribution window to these rows), so kpi/marketing and marketing/campaigns sum ~20 rows a day
-- instead of reading ~11,000 orders at 10 M. Refreshed per day a write touched.
CREATE TABLE IF NOT EXISTS agg_campaign_sale_day (
    sale_date    DATE NOT NULL,
    month_start  DATE NOT NULL,
    campaign_id  INTEGER NOT NULL,
    team_id      INTEGER,
    revenue      DECIMAL(18,2) NOT NULL
);

-- The follow-ups logged per day and rep, in all and by kind (activities_per_rep): the team a
-- follow-up counts for is the rep's team of its month, looked up when read (rep_month_team), so
-- a rep changing team does not make these rows stale.
CREATE TABLE IF NOT EXISTS agg_activity_day (
    activity_date  DATE NOT NULL,
    month_start    DATE NOT NULL,
    rep_id         INTEGER NOT NULL,
    activities     BIGINT NOT NULL,
    calls          BIGINT NOT NULL,
    emails         BIGINT NOT NULL,
    visits         BIGINT NOT NULL,
    meetings       BIGINT NOT NULL
);

-- The opportunities closed (won or lost) per close day and rep: closed, won, lost and the days
-- from created to closed of the won ones (win_rate, loss_rate, sales_cycle_days). Like the
-- follow-ups, their team is looked up when read. Refreshed per close day a write touched.
CREATE TABLE IF NOT EXISTS agg_opportunity_day (
    closed_date     DATE NOT NULL,
    month_start     DATE NOT NULL,
    rep_id          INTEGER NOT NULL,
    closed          BIGINT NOT NULL,
    won             BIGINT NOT NULL,
    lost            BIGINT NOT NULL,
    won_cycle_days  BIGINT NOT NULL
);

-- The opportunities open now per rep and stage: count, amount and amount weighted by the stage's
-- probability (each opportunity's weighted amount rounded as sql/fragments/open_pipeline.sql
-- rounds it, then summed). A snapshot, rebuilt whole by every write of opportunities; the team is
-- the rep's current team, looked up when read.
CREATE TABLE IF NOT EXISTS agg_open_pipeline (
    rep_id           INTEGER NOT NULL,
    stage            VARCHAR NOT NULL,
    opportunities    BIGINT NOT NULL,
    amount           DECIMAL(18,2) NOT NULL,
    weighted_amount  DECIMAL(18,4) NOT NULL
);

-- Which pre-aggregates have been built for this file (a file from before they existed is
-- built once on open).
CREATE TABLE IF NOT EXISTS aggregate_state (
    name      VARCHAR PRIMARY KEY,
    built_at  TIMESTAMP NOT NULL
);

-- The months each write touched per area (month_start 1900-01-01: a write that did not say,
-- i.e. every month), with the version of the last such write: a cached result over dates
-- before a month stays valid when only that month or later ones changed.
CREATE TABLE IF NOT EXISTS data_change_month (
    area         VARCHAR NOT NULL,
    month_start  DATE NOT NULL,
    version      BIGINT NOT NULL,
    PRIMARY KEY (area, month_start)
);
-- A file from before data_change_month: its areas' last changes count for every month.
INSERT INTO data_change_month (area, month_start, version)
SELECT c.area, DATE '1900-01-01', c.version
FROM data_change c
WHERE NOT EXISTS (SELECT 1 FROM data_change_month m WHERE m.area = c.area);

-- The days a write touched per area, when it named few (an ingest, the simulator: today's
-- rows), with the version of the last such write; such a write leaves no month row. A cached
-- result over dates before a day stays valid when only that day or later ones changed, so a
-- window cut at today keeps the part before today (AdditiveSplit).
CREATE TABLE IF NOT EXISTS data_change_day (
    area     VARCHAR NOT NULL,
    day      DATE NOT NULL,
    version  BIGINT NOT NULL,
    PRIMARY KEY (area, day)
);

-- Every campaign touch with the sent dates of the customer's previous touch and previous
-- responded touch (touches ordered by sent date, then campaign): reach and responders of any
-- window become counts of its rows, as agg_sale_chain does for sales (unfiltered views).
CREATE TABLE IF NOT EXISTS agg_touch_chain (
    customer_id         BIGINT NOT NULL,
    sent_date           DATE NOT NULL,
    month_start         DATE NOT NULL,
    responded           TINYINT NOT NULL,
    prev_date           DATE,
    prev_response_date  DATE
);

-- agg_touch_chain's rows counted per sent day and the date of the touch itself (step 0), of its
-- previous touch (1), of a responded touch itself (2) and of its previous responded touch (3);
-- NULL previous dates have no row. A customer with k touches in a bucket starting on b has k
-- rows there and k - 1 whose previous touch is on or after b, so the bucket's targeted customers
-- are the counts with prior_date >= b of step 0 minus 1, and its responders of step 2 minus 3
-- (kpi/touches): a few rows a day instead of one per touch. Recomputed from a write's earliest
-- touched sent day on, after agg_touch_chain.
CREATE TABLE IF NOT EXISTS agg_touch_pair (
    sent_date    DATE NOT NULL,
    month_start  DATE NOT NULL,
    step         SMALLINT NOT NULL,
    prior_date   DATE NOT NULL,
    touches      BIGINT NOT NULL
);

-- Marketing view pre-aggregates (issue 12, Marketing part).
-- Every touch of a known campaign (dim_campaign) with whether a sale of its customer, by any
-- team, fell in its attribution window (converted; docs/KPIS.md, conversion_rate), and the sent
-- dates of the customer's previous touch, previous responded, previous converted and previous
-- responded-and-converted touch (touches ordered by sent date, then campaign), and of its
-- previous touch, responded and converted touch in the same campaign. Derived from
-- touches and orders both: a sale can convert a touch sent weeks before it. For the whole scope
-- the flag replaces the range join of touches with sales; unfiltered, targeted, responders and
-- converted customers of any window (overall or per campaign) become counts of its rows.
CREATE TABLE IF NOT EXISTS agg_touch_conversion (
    customer_id                    BIGINT NOT NULL,
    campaign_id                    INTEGER NOT NULL,
    sent_date                      DATE NOT NULL,
    month_start                    DATE NOT NULL,
    responded                      TINYINT NOT NULL,
    converted                      TINYINT NOT NULL,
    prev_date                      DATE,
    prev_response_date             DATE,
    prev_converted_date            DATE,
    prev_responded_converted_date  DATE,
    prev_campaign_date             DATE,
    prev_campaign_response_date    DATE,
    prev_campaign_converted_date   DATE
);
-- A file whose agg_touch_conversion predates the per-campaign dates (marketing_v1) gets them; the
-- new StateName rebuilds the rows.
ALTER TABLE agg_touch_conversion ADD COLUMN IF NOT EXISTS prev_campaign_date DATE;
ALTER TABLE agg_touch_conversion ADD COLUMN IF NOT EXISTS prev_campaign_response_date DATE;
ALTER TABLE agg_touch_conversion ADD COLUMN IF NOT EXISTS prev_campaign_converted_date DATE;

-- agg_touch_conversion's rows counted per sent day and the date of the touch itself (step 0) and
-- of its previous touch (1), of a responded touch and its previous responded touch (2, 3), of a
-- converted touch and its previous converted touch (4, 5) and of a responded-and-converted touch
-- and its previous such touch (6, 7); NULL previous dates have no row. The bucket's targeted,
-- responders, converted and responded-and-converted customers are the counts with prior_date on
-- or after its start of each pair's first step minus its second (as agg_touch_pair;
-- kpi/conversions). Recomputed after agg_touch_conversion, by writes of touches and of orders, from
-- the earliest sent date whose row can have changed (aggregates/conversion_pair_from).
CREATE TABLE IF NOT EXISTS agg_conversion_pair (
    sent_date    DATE NOT NULL,
    month_start  DATE NOT NULL,
    step         SMALLINT NOT NULL,
    prior_date   DATE NOT NULL,
    touches      BIGINT NOT NULL
);

-- Every sale of an identified customer that names a category, with the date of the customer's
-- previous such sale and the date (and month) of the next such sale in another category (sales
-- ordered by date, then order id). A customer bought two or more categories in a window when
-- their first categorized sale in it has its next other-category sale inside it too (cross_sell_rate).
CREATE TABLE IF NOT EXISTS agg_category_chain (
    customer_id       BIGINT NOT NULL,
    sale_date         DATE NOT NULL,
    month_start       DATE NOT NULL,
    prev_date         DATE,
    next_other_date   DATE,
    next_other_month  DATE
);

-- Contribution page (issue 12): every sale of an identified customer with its region, segment,
-- channel and category and, per dimension, the date of the customer's previous sale of the same
-- member (sales ordered by date, then order id; no member is a member of its own). The distinct
-- customers of a member in a window are the window's rows of that member whose previous
-- same-member sale is before the window (or none): contribution/by_dimension's customers become a
-- count over the window's rows instead of a distinct count of (member, customer) pairs. A sale
-- written or removed on day d changes that day's and later rows only.
CREATE TABLE IF NOT EXISTS agg_member_chain (
    customer_id         BIGINT NOT NULL,
    sale_date           DATE NOT NULL,
    region_id           INTEGER,
    segment_id          INTEGER,
    channel_id          INTEGER,
    category_id         INTEGER,
    prev_region_date    DATE,
    prev_segment_date   DATE,
    prev_channel_date   DATE,
    prev_category_date  DATE,
    -- Member filters (queries/member/): the sale's month and, per dimension, the date of the
    -- customer's second-previous sale of the same member. Under a filter on one member, a window's
    -- customers are its rows of that member whose previous same-member sale is before the window,
    -- and its repeat customers those whose previous is inside and second-previous before: counts
    -- over the window's rows, as agg_sale_chain gives them unfiltered.
    month_start         DATE,
    prev2_region_date   DATE,
    prev2_segment_date  DATE,
    prev2_channel_date  DATE,
    prev2_category_date DATE,
    -- The sale's revenue and the customer's first-ever sale (any member): under a filter on one
    -- member, revenue by new and returning buyers and the churned customers' lifetime read no facts.
    revenue             DECIMAL(18,2),
    first_date          DATE
);
-- A file from before these columns gets them here, and their values from the rebuild that the
-- new aggregate_state name asks for.
ALTER TABLE agg_member_chain ADD COLUMN IF NOT EXISTS month_start DATE;
ALTER TABLE agg_member_chain ADD COLUMN IF NOT EXISTS prev2_region_date DATE;
ALTER TABLE agg_member_chain ADD COLUMN IF NOT EXISTS prev2_segment_date DATE;
ALTER TABLE agg_member_chain ADD COLUMN IF NOT EXISTS prev2_channel_date DATE;
ALTER TABLE agg_member_chain ADD COLUMN IF NOT EXISTS prev2_category_date DATE;
ALTER TABLE agg_member_chain ADD COLUMN IF NOT EXISTS revenue DECIMAL(18,2);
ALTER TABLE agg_member_chain ADD COLUMN IF NOT EXISTS first_date DATE;

-- Complaints (complaint_rate's numerator, KPIS.md §3: a complainant counts with a sale in the
-- same bucket): per customer and day they complained (fact_ticket, is_complaint), their latest
-- sale before that day and their first sale on or after it, with its month (agg_sale_chain,
-- agg_first_sale). A complainant has a sale in a window [a, b) that holds the complaint day
-- exactly when the sale before it is on or after a or the sale after it is before b: so the
-- unfiltered twin reads ~30 k rows a year instead of joining them with the window's ~3.7 M chain
-- rows. A sale moves the neighbours of its customer's complaints before and after it, so a write
-- of orders (after agg_sale_chain) or of tickets recomputes its customers' rows whole.
CREATE TABLE IF NOT EXISTS agg_complaint_sale (
    customer_id    BIGINT NOT NULL,
    complaint_day  DATE NOT NULL,
    month_start    DATE NOT NULL,
    prev_sale      DATE,
    next_sale      DATE,
    next_month     DATE
);

-- Satisfaction view pre-aggregate (issue 12): every ticket that repeats an issue
-- (repeat_issue_rate, sql/fragments/ticket_repeats_issue.sql: the same customer submitted a ticket
-- of the same category before it, at most 30 calendar days earlier). About 1 % of tickets, so
-- "is this ticket a repeat" is a lookup of a few thousand ids instead of a correlated search of
-- every earlier ticket. A ticket written on day d changes that day's and later rows only
-- (the rule looks back), so a write refreshes its customers' rows from the earliest day touched.
CREATE TABLE IF NOT EXISTS agg_ticket_repeat (
    ticket_id     BIGINT NOT NULL,
    customer_id   BIGINT NOT NULL,
    submitted_at  TIMESTAMP NOT NULL,
    month_start   DATE NOT NULL
);

-- Satisfaction view: the tickets submitted each day summed (what kpi/tickets counts and sums,
-- repeats aside: agg_ticket_repeat) and each day's survey measures (sql/fragments/surveys_measures.sql),
-- so the unfiltered service and survey KPIs of any window read one row a day instead of every
-- ticket and survey. "Resolved" is as of the last write of the day's tickets (a resolution is a
-- re-send that replaces the ticket). Refreshed per day a write touched.
CREATE TABLE IF NOT EXISTS agg_ticket_day (
    submitted_date            DATE NOT NULL,
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

CREATE TABLE IF NOT EXISTS agg_survey_day (
    survey_date           DATE NOT NULL,
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

-- Balanced scorecards (KPIS.md §6). A scorecard puts KPIs into four perspectives, each KPI
-- with a standard, a target and the scores at which its status turns amber and green; the
-- perspectives and the KPIs within each are weighted by AHP comparisons or directly.
CREATE TABLE IF NOT EXISTS scorecard (
    scorecard_id      INTEGER PRIMARY KEY,
    name              VARCHAR NOT NULL,
    is_default        TINYINT NOT NULL,   -- the scorecard whose thresholds colour tiles everywhere
    perspective_mode  VARCHAR NOT NULL,   -- 'ahp' | 'direct': how the perspectives are weighted
    updated_at        TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS scorecard_perspective (
    scorecard_id   INTEGER NOT NULL,
    perspective    VARCHAR NOT NULL,      -- financial | customer | process | learning
    kpi_mode       VARCHAR NOT NULL,      -- 'ahp' | 'direct': how its KPIs are weighted
    direct_weight  DECIMAL(18,6),         -- its weight when the perspectives are weighted directly
    PRIMARY KEY (scorecard_id, perspective)
);

CREATE TABLE IF NOT EXISTS scorecard_kpi (
    scorecard_id   INTEGER NOT NULL,
    kpi_id         VARCHAR NOT NULL,
    perspective    VARCHAR NOT NULL,
    sort_order     INTEGER NOT NULL,
    standard       VARCHAR NOT NULL,      -- budget | historical | industry | objective
    target         DECIMAL(18,6),         -- NULL for historical: the same period last year, computed live
    amber_from     DECIMAL(9,2) NOT NULL, -- the score (% of target) from which the status is amber; below it, red
    green_from     DECIMAL(9,2) NOT NULL, -- the score from which it is green
    direct_weight  DECIMAL(18,6),         -- its weight when its perspective's KPIs are weighted directly
    PRIMARY KEY (scorecard_id, kpi_id)
);

-- One AHP judgement: how much more important item_a is than item_b (Saaty's 1–9 or a
-- reciprocal). A pair not stored counts as equal (1); b vs a is the reciprocal of a vs b.
CREATE TABLE IF NOT EXISTS scorecard_comparison (
    scorecard_id  INTEGER NOT NULL,
    matrix_group  VARCHAR NOT NULL,       -- 'perspectives', or the perspective whose KPIs are compared
    item_a        VARCHAR NOT NULL,
    item_b        VARCHAR NOT NULL,
    ratio         DECIMAL(18,6) NOT NULL,
    PRIMARY KEY (scorecard_id, matrix_group, item_a, item_b)
);

-- Alert rules on any KPI, evaluated when the data version changes, with their state.
CREATE TABLE IF NOT EXISTS alert_rule (
    rule_id            INTEGER PRIMARY KEY,
    name               VARCHAR NOT NULL,
    kpi_id             VARCHAR NOT NULL,
    comparison         VARCHAR NOT NULL,  -- 'above' | 'below': the side of the threshold that breaches
    threshold          DECIMAL(18,6) NOT NULL,
    sustain            INTEGER NOT NULL,  -- breaching evaluations in a row before it fires (1 = at once)
    filter_query       VARCHAR NOT NULL,  -- the dashboard filter as a URL query string ('' = the defaults)
    scope_teams        VARCHAR,           -- NULL: every team; '1,2': only those teams (a sales lead's rule)
    enabled            TINYINT NOT NULL,
    created_by         VARCHAR,
    created_at         TIMESTAMP NOT NULL,
    breaches           INTEGER NOT NULL,  -- breaching evaluations in a row so far
    is_firing          TINYINT NOT NULL,
    last_value         DECIMAL(18,6),
    evaluated_version  BIGINT,
    evaluated_at       TIMESTAMP
);

-- Every firing and clearing, for the alert history and the webhooks. The rule's name, KPI,
-- side and scope are copied, so the history still reads (and is still scoped) after the rule
-- is changed or deleted.
CREATE TABLE IF NOT EXISTS alert_event (
    event_id      BIGINT PRIMARY KEY,
    rule_id       INTEGER NOT NULL,
    rule_name     VARCHAR NOT NULL,
    kpi_id        VARCHAR NOT NULL,
    comparison    VARCHAR NOT NULL,
    scope_teams   VARCHAR,
    kind          VARCHAR NOT NULL,       -- 'fired' | 'cleared'
    kpi_value     DECIMAL(18,6),
    threshold     DECIMAL(18,6) NOT NULL,
    data_version  BIGINT NOT NULL,
    occurred_at   TIMESTAMP NOT NULL
);

-- Columns added after a database may have been created: an older file gains them here
-- (rows already there get the time of the upgrade as written_at).
ALTER TABLE fact_order ADD COLUMN IF NOT EXISTS written_at TIMESTAMP DEFAULT timezone('UTC', current_timestamp);
ALTER TABLE fact_ticket ADD COLUMN IF NOT EXISTS written_at TIMESTAMP DEFAULT timezone('UTC', current_timestamp);
ALTER TABLE fact_survey ADD COLUMN IF NOT EXISTS written_at TIMESTAMP DEFAULT timezone('UTC', current_timestamp);
ALTER TABLE fact_campaign_touch ADD COLUMN IF NOT EXISTS written_at TIMESTAMP DEFAULT timezone('UTC', current_timestamp);
ALTER TABLE fact_opportunity ADD COLUMN IF NOT EXISTS written_at TIMESTAMP DEFAULT timezone('UTC', current_timestamp);
ALTER TABLE fact_activity ADD COLUMN IF NOT EXISTS written_at TIMESTAMP DEFAULT timezone('UTC', current_timestamp);
