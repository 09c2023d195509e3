using System.Collections.Frozen;

namespace CrmInsight.Domain.Kpis;

/// <summary>Human names of the measure columns the KPI queries return, for the detail panel.</summary>
public static class MeasureLabels
{
    private static readonly FrozenDictionary<string, LocalizedText> Labels = new Dictionary<string, LocalizedText>
    {
        ["revenue"] = new("Revenue", "销售额"),
        ["cost"] = new("Cost", "成本"),
        ["gross_profit"] = new("Gross profit", "毛利"),
        ["orders"] = new("Orders", "订单数"),
        ["items"] = new("Items sold", "销售件数"),
        ["returns_value"] = new("Value of returned items", "退货金额"),
        ["identified_orders"] = new("Orders of identified customers", "实名客户订单数"),
        ["active_customers"] = new("Active customers", "活跃客户数"),
        ["repeat_customers"] = new("Active customers with 2+ orders", "下单 2 次及以上的客户数"),
        ["previous_active"] = new("Customers active in the comparison period", "对比期活跃客户数"),
        ["retained"] = new("…of whom active again in the period", "其中本期再次活跃的客户数"),
        ["new_customers"] = new("Customers with their first order in the period", "本期首次下单的客户数"),
        ["csat_responses"] = new("CSAT answers", "满意度答卷数"),
        ["csat_total"] = new("Sum of CSAT scores", "满意度得分合计"),
        ["nps_respondents"] = new("Answers to 'would you recommend'", "推荐意愿答卷数"),
        ["promoters"] = new("Promoters (9–10)", "推荐者（9–10 分）"),
        ["detractors"] = new("Detractors (0–6)", "贬损者（0–6 分）"),
        ["tickets"] = new("Tickets submitted", "提交的工单数"),
        ["resolved"] = new("…of which resolved", "其中已解决"),
        ["responded"] = new("Tickets with a first response", "已首次响应的工单数"),
        ["response_seconds_total"] = new("Total time to first response (s)", "首次响应时长合计（秒）"),
        ["resolution_seconds_total"] = new("Total time to resolution (s)", "解决时长合计（秒）"),
        ["response_p50_seconds"] = new("Median time to first response (s)", "首次响应时长中位数（秒）"),
        ["response_p90_seconds"] = new("90th percentile time to first response (s)", "首次响应时长第 90 百分位（秒）"),
        ["resolution_p50_seconds"] = new("Median time to resolution (s)", "解决时长中位数（秒）"),
        ["resolution_p90_seconds"] = new("90th percentile time to resolution (s)", "解决时长第 90 百分位（秒）"),
        ["repeat_tickets"] = new("Tickets repeating an issue within 30 days", "30 天内重复的工单数"),
        ["calls_waited"] = new("Calls with a wait time", "有等待时长的来电数"),
        ["wait_seconds_total"] = new("Total wait time (s)", "等待时长合计（秒）"),
        ["calls_talked"] = new("Calls with a talk time", "有通话时长的来电数"),
        ["talk_seconds_total"] = new("Total talk time (s)", "通话时长合计（秒）"),
        ["service_ratings"] = new("Service ratings", "服务评分答卷数"),
        ["service_rating_total"] = new("Sum of service ratings", "服务评分合计"),
        ["csat_very_satisfied"] = new("CSAT 90–100", "满意度 90–100"),
        ["csat_satisfied"] = new("CSAT 70–89", "满意度 70–89"),
        ["csat_neutral"] = new("CSAT 50–69", "满意度 50–69"),
        ["csat_dissatisfied"] = new("CSAT 0–49", "满意度 0–49"),
        ["converted"] = new("…of whom bought in the attribution window", "其中在归因期内下单的客户数"),
        ["responded_converted"] = new("Responders who bought in the window", "响应并在归因期内下单的客户数"),
        ["campaign_responders"] = new("Customers who responded", "响应客户数"),
        ["cross_buyers"] = new("Active customers buying 2+ categories", "购买 2 个及以上类别的客户数"),
        ["complaining_customers"] = new("Customers who complained", "投诉客户数"),
        ["has_tickets"] = new("Tickets recorded at all (1 = yes)", "是否有工单数据（1 = 有）"),
        ["targeted"] = new("Customers targeted", "目标客户数"),
        ["responders"] = new("Customers who responded", "响应客户数"),
        ["spend"] = new("Campaign spend", "营销费用"),
        ["attributed_revenue"] = new("Revenue attributed to campaigns", "活动归因销售额"),
        ["attributed_new_customers"] = new("New customers acquired by campaigns", "活动获取的新客户数"),
        ["rep_revenue"] = new("Revenue of the reps in scope", "销售代表业绩"),
        ["quota"] = new("Quota (prorated by day)", "销售配额（按天折算）"),
        ["customer_revenue"] = new("Revenue of active customers", "活跃客户销售额"),
        ["top_revenue"] = new("Revenue of the top fifth of customers", "前 20% 客户销售额"),
        ["slice_revenue"] = new("Revenue of the filtered slice", "筛选范围销售额"),
        ["total_revenue"] = new("Total revenue", "总销售额"),
        ["slice_gross_profit"] = new("Gross profit of the filtered slice", "筛选范围毛利"),
        ["total_gross_profit"] = new("Total gross profit", "总毛利"),
        ["lapsed_customers"] = new("Customers lapsed at the start of the period", "期初已流失的客户数"),
        ["won_back"] = new("…of whom active again", "其中再次活跃的客户数"),
        ["customer_base"] = new("Customers acquired before the period", "期初前已获得的客户数"),
        ["acquired_customers"] = new("Customers acquired in the period", "本期获得的客户数"),
        ["leads_created"] = new("Leads created", "创建的线索数"),
        ["leads_won"] = new("…won", "其中赢单数"),
        ["closed"] = new("Opportunities closed", "已关闭商机数"),
        ["won"] = new("…won", "赢单数"),
        ["lost"] = new("…lost", "输单数"),
    }.ToFrozenDictionary();

    public static IEnumerable<string> Known => Labels.Keys;

    public static LocalizedText For(string measure) =>
        Labels.TryGetValue(measure, out var label) ? label : new LocalizedText(measure, measure);
}
