using System.Collections.Frozen;
using CrmInsight.Domain.Filters;
using static CrmInsight.Domain.Kpis.MeasureContext;

namespace CrmInsight.Domain.Kpis;

/// <summary>
/// The KPIs the product computes, as KPIS.md defines them. Each is one query (its measures)
/// and one formula here; nothing re-derives a KPI elsewhere.
/// </summary>
public sealed class KpiCatalog
{
    private static readonly IReadOnlySet<DimensionKind> AllDimensions = DimensionKinds.All.ToFrozenSet();

    // Facts reached through the customer (surveys, tickets): region, segment and owner rep.
    private static readonly IReadOnlySet<DimensionKind> CustomerDimensions =
        new[] { DimensionKind.Region, DimensionKind.Segment, DimensionKind.Team, DimensionKind.Rep }.ToFrozenSet();

    private static readonly IReadOnlySet<DimensionKind> TouchDimensions =
        new[] { DimensionKind.Region, DimensionKind.Segment, DimensionKind.Team, DimensionKind.Rep, DimensionKind.Campaign }.ToFrozenSet();

    private static readonly IReadOnlySet<DimensionKind> CampaignOnly = new[] { DimensionKind.Campaign }.ToFrozenSet();

    private static readonly IReadOnlySet<DimensionKind> RepDimensions =
        new[] { DimensionKind.Region, DimensionKind.Team, DimensionKind.Rep }.ToFrozenSet();

    private static readonly IReadOnlySet<DimensionKind> OpportunityDimensions =
        new[] { DimensionKind.Region, DimensionKind.Segment, DimensionKind.Team, DimensionKind.Rep }.ToFrozenSet();

    private static readonly IReadOnlySet<DimensionKind> NoDimensions = new HashSet<DimensionKind>().ToFrozenSet();

    private readonly FrozenDictionary<string, KpiDefinition> _byId;

    public KpiCatalog()
        : this(Headline())
    {
    }

    private KpiCatalog(IReadOnlyList<KpiDefinition> definitions)
    {
        All = definitions;
        _byId = definitions.ToFrozenDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every KPI, in display order (by area, then as KPIS.md lists them).</summary>
    public IReadOnlyList<KpiDefinition> All { get; }

    public bool TryGet(string id, out KpiDefinition definition) => _byId.TryGetValue(id, out definition!);

    public KpiDefinition Get(string id) =>
        _byId.TryGetValue(id, out var definition) ? definition : throw new KeyNotFoundException($"Unknown KPI '{id}'.");

    private static List<KpiDefinition> Headline() =>
    [
        // 1. Customer contribution
        Kpi("revenue", "Revenue", "销售额", KpiArea.Contribution, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "Σ order revenue in P", "P 期内订单销售额之和",
            "kpi/sales_summary", AllDimensions, m => m.Cur("revenue")),
        Kpi("gross_profit", "Gross profit", "毛利", KpiArea.Contribution, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "Σ (revenue − cost)", "Σ（销售额 − 成本）",
            "kpi/sales_summary", AllDimensions, m => m.Cur("gross_profit")),
        Kpi("gross_margin", "Gross margin", "毛利率", KpiArea.Contribution, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "gross_profit / revenue", "毛利 / 销售额",
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("gross_profit"), m.Cur("revenue"))),
        Kpi("revenue_growth", "Revenue growth", "销售额增长率", KpiArea.Contribution, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "(revenue(P) − revenue(P')) / revenue(P')", "（本期销售额 − 对比期销售额）/ 对比期销售额",
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("revenue") - m.Prev("revenue"), m.Prev("revenue")),
            usesPreviousWindow: true),
        Kpi("orders", "Orders", "成交笔数", KpiArea.Contribution, KpiUnit.Count, KpiDirection.HigherIsBetter,
            "count of orders", "订单笔数",
            "kpi/sales_summary", AllDimensions, m => m.Cur("orders")),
        Kpi("active_customers", "Active customers", "活跃客户数", KpiArea.Contribution, KpiUnit.Count, KpiDirection.HigherIsBetter,
            "distinct customers with at least one non-cancelled order in P", "P 期内至少有一笔有效订单的客户数",
            "kpi/sales_summary", AllDimensions, m => m.Cur("active_customers")),
        Kpi("avg_order_value", "Average order value", "客单价", KpiArea.Contribution, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "revenue / orders", "销售额 / 订单数",
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("revenue"), m.Cur("orders"))),
        Kpi("items_per_order", "Items per order", "客单件", KpiArea.Contribution, KpiUnit.Ratio, KpiDirection.HigherIsBetter,
            "Σ items / orders", "销售件数 / 订单数",
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("items"), m.Cur("orders"))),
        Kpi("purchase_frequency", "Purchase frequency", "购买频次", KpiArea.Contribution, KpiUnit.Ratio, KpiDirection.HigherIsBetter,
            "orders of identified customers / active_customers", "实名客户订单数 / 活跃客户数",
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("identified_orders"), m.Cur("active_customers"))),
        Kpi("top20_share", "Top 20 % share", "前 20% 客户贡献率", KpiArea.Contribution, KpiUnit.Fraction, KpiDirection.Neutral,
            "revenue of the top ⌈N/5⌉ of the N active customers ranked by revenue (ties by customer id) / revenue of all N",
            "按销售额排名前 ⌈N/5⌉ 位活跃客户的销售额 / 全部 N 位活跃客户的销售额（同额按客户编号排序）",
            "kpi/top_customers", AllDimensions, m => Ratio(m.Cur("top_revenue"), m.Cur("customer_revenue"))),
        Kpi("contribution_share", "Contribution share", "顾客贡献率", KpiArea.Contribution, KpiUnit.Fraction, KpiDirection.Neutral,
            "revenue of the filtered customers, segment or slice / total revenue", "筛选范围（客户、细分或其他切片）的销售额 / 总销售额",
            "kpi/contribution", AllDimensions, m => Ratio(m.Cur("slice_revenue"), m.Cur("total_revenue"))),
        Kpi("profit_contribution", "Profit contribution", "利润贡献率", KpiArea.Contribution, KpiUnit.Fraction, KpiDirection.Neutral,
            "gross profit of the filtered slice / total gross profit", "筛选范围的毛利 / 总毛利",
            "kpi/contribution", AllDimensions, m => Ratio(m.Cur("slice_gross_profit"), m.Cur("total_gross_profit"))),
        Kpi("clv", "Customer lifetime value", "客户终身价值", KpiArea.Contribution, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "avg_order_value × annual purchase_frequency × gross_margin / annual churn_rate, over the 12 months to the end of P (an estimate)",
            "客单价 × 年购买频次 × 毛利率 / 年流失率，按截至 P 期末的 12 个月计算（估算值）",
            "kpi/clv", AllDimensions, m => ClvInputs.From(m.Cur).Value, window: KpiWindow.TrailingYear, hasMonthlySeries: false),
        Kpi("returns_value", "Returns", "退货金额", KpiArea.Contribution, KpiUnit.Money, KpiDirection.LowerIsBetter,
            "Σ value of returned items in P", "P 期内退货商品金额之和",
            "kpi/sales_summary", AllDimensions, m => m.Cur("returns_value")),
        Kpi("return_rate", "Return rate", "退货率", KpiArea.Contribution, KpiUnit.Fraction, KpiDirection.LowerIsBetter,
            "returns_value / revenue", "退货金额 / 销售额",
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("returns_value"), m.Cur("revenue"))),

        // 2. Retention, acquisition, churn
        Kpi("new_customers", "New customers", "新客户数", KpiArea.Retention, KpiUnit.Count, KpiDirection.HigherIsBetter,
            "customers whose first-ever order falls in P", "首次下单落在 P 期内的客户数",
            "kpi/new_customers", AllDimensions, m => m.Cur("new_customers")),
        Kpi("retention_rate", "Retention rate", "顾客保持率", KpiArea.Retention, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "customers active in both P' and P / customers active in P'", "P' 与 P 期均活跃的客户数 / P' 期活跃客户数",
            "kpi/retention", AllDimensions, m => Ratio(m.Cur("retained"), m.Cur("previous_active")),
            monthlyQuery: "kpi/retention_monthly"),
        Kpi("churn_rate", "Churn rate", "顾客流失率", KpiArea.Retention, KpiUnit.Fraction, KpiDirection.LowerIsBetter,
            "customers active in P' and not in P / customers active in P'", "P' 期活跃而 P 期未活跃的客户数 / P' 期活跃客户数",
            "kpi/retention", AllDimensions, m => Ratio(m.Cur("previous_active") - m.Cur("retained"), m.Cur("previous_active")),
            monthlyQuery: "kpi/retention_monthly"),
        Kpi("lead_conversion", "Lead conversion", "客户获取率", KpiArea.Retention, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "leads created in P that were won / leads created in P", "P 期内创建且已赢单的线索数 / P 期内创建的线索数",
            "kpi/leads", OpportunityDimensions, m => Ratio(m.Cur("leads_won"), m.Cur("leads_created"))),
        Kpi("winback_rate", "Win-back rate", "顾客再生率", KpiArea.Retention, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "customers active in P, active before P' but not in P' / customers lapsed at the start of P",
            "P 期活跃、P' 期之前活跃但 P' 期未活跃的客户数 / P 期初已流失的客户数",
            "kpi/winback", AllDimensions, m => Ratio(m.Cur("won_back"), m.Cur("lapsed_customers")), hasMonthlySeries: false),
        Kpi("customer_growth", "Customer growth", "客户增长率", KpiArea.Retention, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "(customers ever acquired by end of P − by start of P) / by start of P", "（截至 P 期末累计获得的客户数 − 截至 P 期初的客户数）/ 截至 P 期初的客户数",
            "kpi/customer_growth", AllDimensions, m => Ratio(m.Cur("acquired_customers"), m.Cur("customer_base"))),
        Kpi("repurchase_rate", "Repurchase rate", "回购率", KpiArea.Retention, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "active customers with ≥ 2 orders in P / active customers", "P 期内下单 2 次及以上的活跃客户数 / 活跃客户数",
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("repeat_customers"), m.Cur("active_customers"))),

        // 3. Satisfaction and service
        Kpi("csat", "Customer satisfaction", "客户满意度", KpiArea.Satisfaction, KpiUnit.Score, KpiDirection.HigherIsBetter,
            "mean CSAT score (0–100) of surveys dated in P", "P 期内问卷满意度得分（0–100）的平均值",
            "kpi/surveys", CustomerDimensions, m => Ratio(m.Cur("csat_total"), m.Cur("csat_responses"))),
        Kpi("nps", "Net promoter score", "净推荐值", KpiArea.Satisfaction, KpiUnit.Score, KpiDirection.HigherIsBetter,
            "100 × (promoters − detractors) / respondents (promoter 9–10, detractor 0–6)",
            "100 ×（推荐者 − 贬损者）/ 答卷数（推荐者 9–10 分，贬损者 0–6 分）",
            "kpi/surveys", CustomerDimensions, m => Ratio(100m * (m.Cur("promoters") - m.Cur("detractors")), m.Cur("nps_respondents"))),
        Kpi("service_quality", "Service quality", "服务质量", KpiArea.Satisfaction, KpiUnit.Score, KpiDirection.HigherIsBetter,
            "mean 1–10 service rating of surveys dated in P (excellent 9–10, good 7–8, pass 5–6, fail 1–4)",
            "P 期内问卷服务评分（1–10）的平均值（优秀 9–10，良好 7–8，合格 5–6，不合格 1–4）",
            "kpi/surveys", CustomerDimensions, m => Ratio(m.Cur("service_rating_total"), m.Cur("service_ratings"))),
        Band("csat_band_very_satisfied", "CSAT band: very satisfied (90–100)", "满意度分布：非常满意（90–100）", "csat_very_satisfied", "csat_responses", KpiDirection.HigherIsBetter),
        Band("csat_band_satisfied", "CSAT band: satisfied (70–89)", "满意度分布：满意（70–89）", "csat_satisfied", "csat_responses", KpiDirection.Neutral),
        Band("csat_band_neutral", "CSAT band: neutral (50–69)", "满意度分布：一般（50–69）", "csat_neutral", "csat_responses", KpiDirection.Neutral),
        Band("csat_band_dissatisfied", "CSAT band: dissatisfied (0–49)", "满意度分布：不满意（0–49）", "csat_dissatisfied", "csat_responses", KpiDirection.LowerIsBetter),
        Kpi("complaint_rate", "Complaint rate", "客户投诉率", KpiArea.Satisfaction, KpiUnit.Fraction, KpiDirection.LowerIsBetter,
            "active customers of P with ≥ 1 complaint ticket submitted in P / active customers of P", "P 期内活跃且至少投诉一次的客户数 / P 期内活跃客户数",
            "kpi/complaints", CustomerDimensions, m => m.Cur("has_tickets") == 0 ? null : Ratio(m.Cur("complaining_customers"), m.Cur("active_customers"))),
        Kpi("resolution_rate", "Resolution rate", "问题解决率", KpiArea.Satisfaction, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "tickets submitted in P that have been resolved / tickets submitted in P", "P 期内提交且已解决的工单数 / P 期内提交的工单数",
            "kpi/tickets", CustomerDimensions, m => Ratio(m.Cur("resolved"), m.Cur("tickets"))),
        Kpi("first_response_time", "First response time", "响应时间", KpiArea.Satisfaction, KpiUnit.Minutes, KpiDirection.LowerIsBetter,
            "mean (first response − submitted) in minutes, over tickets submitted in P that have a first response",
            "P 期内提交且已响应的工单，（首次响应 − 提交）的平均分钟数",
            "kpi/tickets", CustomerDimensions, m => Ratio(m.Cur("response_seconds_total") / 60m, m.Cur("responded"))),
        Kpi("first_response_time_p50", "First response time (median)", "响应时间中位数", KpiArea.Satisfaction, KpiUnit.Minutes, KpiDirection.LowerIsBetter,
            "p50 (continuous) of (first response − submitted) in minutes, over tickets submitted in P that have a first response",
            "P 期内提交且已响应的工单，（首次响应 − 提交）分钟数的中位数（连续插值）",
            "kpi/ticket_times", CustomerDimensions, m => Percentile(m, "responded", "response_p50_seconds", 60m)),
        Kpi("first_response_time_p90", "First response time (p90)", "响应时间 P90", KpiArea.Satisfaction, KpiUnit.Minutes, KpiDirection.LowerIsBetter,
            "p90 (continuous) of (first response − submitted) in minutes, over tickets submitted in P that have a first response",
            "P 期内提交且已响应的工单，（首次响应 − 提交）分钟数的第 90 百分位（连续插值）",
            "kpi/ticket_times", CustomerDimensions, m => Percentile(m, "responded", "response_p90_seconds", 60m)),
        Kpi("resolution_time", "Resolution time", "解决时间", KpiArea.Satisfaction, KpiUnit.Hours, KpiDirection.LowerIsBetter,
            "mean (resolved − submitted) in hours, over tickets submitted in P that are resolved",
            "P 期内提交且已解决的工单，（解决 − 提交）的平均小时数",
            "kpi/tickets", CustomerDimensions, m => Ratio(m.Cur("resolution_seconds_total") / 3600m, m.Cur("resolved"))),
        Kpi("resolution_time_p50", "Resolution time (median)", "解决时间中位数", KpiArea.Satisfaction, KpiUnit.Hours, KpiDirection.LowerIsBetter,
            "p50 (continuous) of (resolved − submitted) in hours, over tickets submitted in P that are resolved",
            "P 期内提交且已解决的工单，（解决 − 提交）小时数的中位数（连续插值）",
            "kpi/ticket_times", CustomerDimensions, m => Percentile(m, "resolved", "resolution_p50_seconds", 3600m)),
        Kpi("resolution_time_p90", "Resolution time (p90)", "解决时间 P90", KpiArea.Satisfaction, KpiUnit.Hours, KpiDirection.LowerIsBetter,
            "p90 (continuous) of (resolved − submitted) in hours, over tickets submitted in P that are resolved",
            "P 期内提交且已解决的工单，（解决 − 提交）小时数的第 90 百分位（连续插值）",
            "kpi/ticket_times", CustomerDimensions, m => Percentile(m, "resolved", "resolution_p90_seconds", 3600m)),
        Kpi("repeat_issue_rate", "Repeat-issue rate", "问题重复率", KpiArea.Satisfaction, KpiUnit.Fraction, KpiDirection.LowerIsBetter,
            "tickets that repeat a same-customer same-category ticket within 30 days / tickets submitted in P",
            "30 天内同一客户同一类别再次提交的工单数 / P 期内提交的工单数",
            "kpi/tickets", CustomerDimensions, m => Ratio(m.Cur("repeat_tickets"), m.Cur("tickets"))),
        Kpi("call_wait_time", "Call wait time", "来电等待时长", KpiArea.Satisfaction, KpiUnit.Seconds, KpiDirection.LowerIsBetter,
            "mean wait seconds per call (call centre), over calls submitted in P", "P 期内来电（呼叫中心）的平均等待秒数",
            "kpi/tickets", CustomerDimensions, m => Ratio(m.Cur("wait_seconds_total"), m.Cur("calls_waited"))),
        Kpi("call_talk_time", "Call talk time", "通话时长", KpiArea.Satisfaction, KpiUnit.Seconds, KpiDirection.Neutral,
            "mean talk seconds per call (call centre), over calls submitted in P", "P 期内来电（呼叫中心）的平均通话秒数",
            "kpi/tickets", CustomerDimensions, m => Ratio(m.Cur("talk_seconds_total"), m.Cur("calls_talked"))),

        // 4. Marketing effectiveness
        Kpi("reach", "Reach", "触达客户数", KpiArea.Marketing, KpiUnit.Count, KpiDirection.HigherIsBetter,
            "customers targeted by campaigns in P (each once)", "P 期内营销活动触达的客户数（每位客户计一次）",
            "kpi/touches", TouchDimensions, m => m.Cur("targeted")),
        Kpi("response_rate", "Response rate", "顾客响应率", KpiArea.Marketing, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "responders / targeted (customers touched by campaigns in P)", "响应客户数 / 目标客户数（P 期内收到营销触达的客户）",
            "kpi/touches", TouchDimensions, m => Ratio(m.Cur("responders"), m.Cur("targeted"))),
        Kpi("conversion_rate", "Conversion rate", "顾客交易率", KpiArea.Marketing, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "targeted customers who bought from a touch's sent date to the end of its campaign's attribution window / targeted",
            "在触达日至活动归因期结束之间下单的目标客户数 / 目标客户数",
            "kpi/conversions", TouchDimensions, m => Ratio(m.Cur("converted"), m.Cur("targeted"))),
        Kpi("campaign_spend", "Campaign spend", "营销费用", KpiArea.Marketing, KpiUnit.Money, KpiDirection.Neutral,
            "Σ campaign spend dated in P", "P 期内营销费用之和",
            "kpi/marketing", CampaignOnly, m => m.Cur("spend"), companyWideInput: true),
        Kpi("cac", "Customer acquisition cost", "顾客获取成本", KpiArea.Marketing, KpiUnit.Money, KpiDirection.LowerIsBetter,
            "spend / new customers attributed to the campaign", "营销费用 / 活动获取的新客户数",
            "kpi/marketing", CampaignOnly, m => Ratio(m.Cur("spend"), m.Cur("attributed_new_customers")), companyWideInput: true),
        Kpi("attributed_revenue", "Attributed revenue", "归因销售额", KpiArea.Marketing, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "revenue of sales in P carrying a campaign, inside its attribution window", "P 期内带有营销活动且在其归因期内的销售额",
            "kpi/marketing", CampaignOnly, m => m.Cur("attributed_revenue")),
        Kpi("roi", "Marketing ROI", "营销投资回报率", KpiArea.Marketing, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "(attributed_revenue − spend) / spend", "（归因销售额 − 营销费用）/ 营销费用",
            "kpi/marketing", CampaignOnly, m => Ratio(m.Cur("attributed_revenue") - m.Cur("spend"), m.Cur("spend")), companyWideInput: true),
        Kpi("cost_per_response", "Cost per response", "单次响应成本", KpiArea.Marketing, KpiUnit.Money, KpiDirection.LowerIsBetter,
            "spend / customers who responded to a touch sent in P", "营销费用 / P 期内响应触达的客户数",
            "kpi/marketing", CampaignOnly, m => Ratio(m.Cur("spend"), m.Cur("campaign_responders")), companyWideInput: true),
        Kpi("cross_sell_rate", "Cross-sell rate", "交叉销售率", KpiArea.Marketing, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "active customers buying ≥ 2 product categories in P / active customers", "P 期内购买 2 个及以上产品类别的活跃客户数 / 活跃客户数",
            "kpi/cross_sell", AllDimensions, m => Ratio(m.Cur("cross_buyers"), m.Cur("active_customers"))),

        // 5. Sales team targets
        Kpi("quota", "Quota", "销售配额", KpiArea.Sales, KpiUnit.Money, KpiDirection.Neutral,
            "Σ monthly quota of the reps in scope, prorated by day for partial months", "范围内销售代表月配额之和，不足整月的按天折算",
            "kpi/attainment", RepDimensions, m => m.Cur("quota")),
        Kpi("attainment", "Quota attainment", "销售计划达成率", KpiArea.Sales, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "revenue / quota (monthly quota prorated by day)", "销售额 / 销售配额（月配额按天折算）",
            "kpi/attainment", RepDimensions, m => Ratio(m.Cur("rep_revenue"), m.Cur("quota"))),
        Kpi("pace", "Pace", "进度达成率", KpiArea.Sales, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "revenue / (quota × elapsed share of P); elapsed share = days of P up to and including today / days of P; above 100 % is ahead of plan",
            "销售额 /（销售配额 × P 期已过时间占比）；已过占比 = P 期截至今天（含）的天数 / P 期天数；高于 100% 即领先计划",
            "kpi/attainment", RepDimensions, Pace),
        Kpi("run_rate_forecast", "Run-rate forecast", "按日均预测销售额", KpiArea.Sales, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "revenue / elapsed days × days in P (= revenue for a past period)", "销售额 / 已过天数 × P 期天数（已结束的期间即为销售额）",
            "kpi/attainment", RepDimensions, RunRateForecast),
        Kpi("forecast_attainment", "Forecast attainment", "预测达成率", KpiArea.Sales, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "run_rate_forecast / quota", "按日均预测销售额 / 销售配额",
            "kpi/attainment", RepDimensions, m => RunRateForecast(m) is { } forecast ? Ratio(forecast, m.Cur("quota")) : null),
        Kpi("win_rate", "Win rate", "成交率", KpiArea.Sales, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "opportunities won / opportunities closed in P", "赢单商机数 / P 期内关闭的商机数",
            "kpi/opportunities", OpportunityDimensions, m => Ratio(m.Cur("won"), m.Cur("closed"))),
        Kpi("loss_rate", "Loss rate", "销售失败率", KpiArea.Sales, KpiUnit.Fraction, KpiDirection.LowerIsBetter,
            "opportunities lost / opportunities closed in P", "输单商机数 / P 期内关闭的商机数",
            "kpi/opportunities", OpportunityDimensions, m => Ratio(m.Cur("lost"), m.Cur("closed"))),
        Kpi("sales_cycle_days", "Sales cycle", "销售周期", KpiArea.Sales, KpiUnit.Days, KpiDirection.LowerIsBetter,
            "mean (closed − created) in days of the opportunities won in P", "P 期内赢单商机（关闭日期 − 创建日期）的平均天数",
            "kpi/opportunities", OpportunityDimensions, m => Ratio(m.Cur("won_cycle_days"), m.Cur("won"))),
        Kpi("pipeline", "Pipeline", "销售管道", KpiArea.Sales, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "Σ amount of the opportunities open now (a current snapshot, not of P)", "当前未关闭商机的金额之和（当前快照，不随 P 期变化）",
            "kpi/pipeline", RepDimensions, m => m.Cur("pipeline"), snapshot: true),
        Kpi("weighted_pipeline", "Weighted pipeline", "加权销售管道", KpiArea.Sales, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "Σ amount × stage probability of the opportunities open now (a current snapshot)", "当前未关闭商机的金额 × 阶段赢单概率之和（当前快照）",
            "kpi/pipeline", RepDimensions, m => m.Cur("weighted_pipeline"), snapshot: true),
        Kpi("pipeline_coverage", "Pipeline coverage", "管道覆盖率", KpiArea.Sales, KpiUnit.Ratio, KpiDirection.HigherIsBetter,
            "weighted_pipeline / (quota − revenue) while the quota is not reached and P has not ended; else undefined",
            "加权销售管道 /（销售配额 − 销售额），仅在未达成配额且 P 期未结束时有定义",
            "kpi/attainment", RepDimensions, PipelineCoverage, extraQueries: ["kpi/pipeline"], hasMonthlySeries: false),
        Kpi("activities_per_rep", "Follow-ups per rep", "人均客户跟进次数", KpiArea.Sales, KpiUnit.Ratio, KpiDirection.HigherIsBetter,
            "follow-ups (calls, e-mails, visits, meetings) logged in P / reps in scope with a quota in P",
            "P 期内记录的客户跟进（电话、邮件、拜访、会议）次数 / 范围内 P 期有配额的销售代表数",
            "kpi/activities", RepDimensions, m => Ratio(m.Cur("activities"), m.Cur("quota_reps"))),
        FollowUps("call", "calls", "Calls per rep", "电话", "call"),
        FollowUps("email", "emails", "E-mails per rep", "邮件", "e-mail"),
        FollowUps("visit", "visits", "Visits per rep", "拜访", "visit"),
        FollowUps("meeting", "meetings", "Meetings per rep", "会议", "meeting"),

        // 7. Data health
        Kpi("data_completeness", "Data completeness", "客户数据完整性", KpiArea.DataHealth, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "customers with name, region, segment and a contact (e-mail or phone) all present / customers (the records as they are now)",
            "姓名、区域、细分与联系方式（电子邮件或电话）齐全的客户数 / 客户数（按当前记录）",
            "kpi/data_completeness", CustomerDimensions, m => Ratio(m.Cur("complete_customers"), m.Cur("customers")),
            snapshot: true, hasMonthlySeries: false),
        Kpi("freshness", "Data freshness", "数据新鲜度", KpiArea.DataHealth, KpiUnit.Minutes, KpiDirection.LowerIsBetter,
            "minutes from the newest record written (to any table) to the end of P, or to now while P runs",
            "从最新写入的记录（任一数据表）到 P 期末（进行中的期间为现在）的分钟数",
            "kpi/data_writes", NoDimensions, m => Freshness(m), hasMonthlySeries: false, readsClock: true),
        Kpi("update_rate", "Update rate", "数据更新率", KpiArea.DataHealth, KpiUnit.Fraction, KpiDirection.Neutral,
            "records inserted or updated in the 24 h before the end of P (or now) / records, over every table",
            "P 期末（进行中的期间为现在）前 24 小时内新增或更新的记录数 / 记录总数（全部数据表）",
            "kpi/data_writes", NoDimensions, m => Ratio(DataTables.Sum(t => m.Cur($"{t}_recent")), DataTables.Sum(t => m.Cur($"{t}_records"))),
            hasMonthlySeries: false, readsClock: true),
    ];

    /// <summary>The tables data health reads, as kpi/data_writes names their columns (&lt;table&gt;_records ...).</summary>
    public static IReadOnlyList<string> DataTables { get; } = ["orders", "tickets", "surveys", "touches", "opportunities", "activities", "customers"];

    /// <summary>The newest write of any table: the smallest age among the tables that have records; undefined when none has.</summary>
    private static decimal? Freshness(MeasureContext m)
    {
        var ages = DataTables.Where(t => m.Cur($"{t}_records") > 0).Select(t => m.Cur($"{t}_age_seconds")).ToList();
        return ages.Count == 0 ? null : Math.Max(0m, ages.Min()) / 60m;
    }

    /// <summary>
    /// pace = revenue / (quota × elapsed share), written revenue × days of P / (quota × elapsed
    /// days) so no repeating fraction is rounded on the way; undefined without quota or before P starts.
    /// </summary>
    private static decimal? Pace(MeasureContext m)
    {
        var (revenue, quota, elapsed, days) = (m.Cur("rep_revenue"), m.Cur("quota"), m.Cur("elapsed_days"), m.Cur("period_days"));
        return Ratio(revenue * days, quota * elapsed);
    }

    /// <summary>revenue / elapsed days × days of P; undefined before P starts.</summary>
    private static decimal? RunRateForecast(MeasureContext m)
    {
        var (revenue, elapsed, days) = (m.Cur("rep_revenue"), m.Cur("elapsed_days"), m.Cur("period_days"));
        return Ratio(revenue * days, elapsed);
    }

    /// <summary>weighted pipeline / the quota still to reach, while there is some to reach and days left to reach it.</summary>
    private static decimal? PipelineCoverage(MeasureContext m)
    {
        var (weighted, quota, revenue, left) = (m.Cur("weighted_pipeline"), m.Cur("quota"), m.Cur("rep_revenue"), m.Cur("days_left"));
        return quota > revenue && left > 0 ? weighted / (quota - revenue) : null;
    }

    /// <summary>activities_per_rep for one kind of follow-up.</summary>
    private static KpiDefinition FollowUps(string kind, string measure, string nameEn, string kindZh, string kindEn) =>
        Kpi($"activities_per_rep_{kind}", nameEn, $"人均{kindZh}跟进次数", KpiArea.Sales, KpiUnit.Ratio, KpiDirection.HigherIsBetter,
            $"{kindEn} follow-ups logged in P / reps in scope with a quota in P", $"P 期内记录的{kindZh}跟进次数 / 范围内 P 期有配额的销售代表数",
            "kpi/activities", RepDimensions, m => Ratio(m.Cur(measure), m.Cur("quota_reps")));

    /// <summary>A percentile measure in seconds, shown in <paramref name="secondsPerUnit"/>; undefined without values.</summary>
    private static decimal? Percentile(MeasureContext m, string count, string measure, decimal secondsPerUnit) =>
        m.Cur(count) == 0 ? null : m.Cur(measure) / secondsPerUnit;

    /// <summary>One band of the CSAT distribution (csat_band) as a share of the CSAT answers in P.</summary>
    private static KpiDefinition Band(string id, string nameEn, string nameZh, string measure, string total, KpiDirection direction) =>
        Kpi(id, nameEn, nameZh, KpiArea.Satisfaction, KpiUnit.Fraction, direction,
            "surveys dated in P whose CSAT is in the band / surveys with a CSAT answer", "P 期内满意度落在该区间的答卷数 / 有满意度得分的答卷数",
            "kpi/surveys", CustomerDimensions, m => Ratio(m.Cur(measure), m.Cur(total)));

    private static KpiDefinition Kpi(
        string id, string nameEn, string nameZh, KpiArea area, KpiUnit unit, KpiDirection direction,
        string formulaEn, string formulaZh, string query, IReadOnlySet<DimensionKind> filters,
        Func<MeasureContext, decimal?> compute, string? monthlyQuery = null, bool usesPreviousWindow = false,
        KpiWindow window = KpiWindow.Period, bool hasMonthlySeries = true, bool snapshot = false, IReadOnlyList<string>? extraQueries = null, bool readsClock = false,
        bool companyWideInput = false) =>
        new()
        {
            Id = id,
            Name = new LocalizedText(nameEn, nameZh),
            Area = area,
            Unit = unit,
            Direction = direction,
            Formula = new LocalizedText(formulaEn, formulaZh),
            Query = query,
            MonthlyQuery = monthlyQuery,
            Filters = filters,
            Compute = compute,
            UsesPreviousWindow = usesPreviousWindow,
            Window = window,
            HasMonthlySeries = hasMonthlySeries,
            CompanyWideInput = companyWideInput,
            Snapshot = snapshot,
            ExtraQueries = extraQueries ?? [],
            ReadsClock = readsClock,
        };
}
