namespace CrmInsight.Domain.Demo;

/// <summary>
/// The shape of the demo company: a Chinese retailer with a B2B arm. The numbers here are
/// what make the stories in the data (who is worth what, where service is slow, which
/// channel acquires cheaply); the generator only applies them.
/// </summary>
internal static class DemoConstants
{
    public sealed record Region(string Name, double Weight, string[] Cities);

    public sealed record Segment(string Name, double Weight, double OrdersPerMonth, double OrderValue, double MonthlyChurn,
        double[] ChannelWeights, double[] AcquisitionWeights, double OpportunitiesPerMonth, double ActivitiesPerMonth, bool KeyAccount);

    public sealed record Category(string Name, double Margin, double PriceFactor, double ReturnRate, double TicketRate, double ItemsMean);

    public sealed record MarketingChannel(string Name, double TargetCac, double FixedSpend, double TouchShare, double ResponseRate, int AttributionDays, bool Touches);

    public static readonly Region[] Regions =
    [
        new("East China", 0.30, ["Shanghai", "Hangzhou", "Nanjing", "Suzhou", "Ningbo"]),
        new("South China", 0.25, ["Guangzhou", "Shenzhen", "Xiamen", "Dongguan"]),
        new("North China", 0.20, ["Beijing", "Tianjin", "Qingdao", "Jinan"]),
        new("Central China", 0.15, ["Wuhan", "Changsha", "Zhengzhou", "Hefei"]),
        new("Southwest China", 0.10, ["Chengdu", "Chongqing", "Kunming", "Guiyang"]),
    ];

    // Sales channels (dim_channel): where an order is placed.
    public static readonly string[] Channels = ["Online store", "Mobile app", "Retail store", "Telesales", "Direct sales", "Partner"];
    public const int RetailStore = 3;
    public const int OnlineStore = 1;
    public const int DirectSales = 5;

    // Acquisition weights follow MarketingChannels: Email, SMS, Search, Social, Events, Referral, Organic.
    public static readonly Segment[] Segments =
    [
        new("Enterprise", 0.03, 1.2, 1800, 0.010, [0.05, 0, 0, 0.15, 0.55, 0.25], [0.05, 0, 0.20, 0.05, 0.35, 0.25, 0.10], 0.30, 2.0, true),
        new("Mid-market", 0.09, 0.9, 1000, 0.015, [0.15, 0.05, 0, 0.35, 0.30, 0.15], [0.08, 0.02, 0.25, 0.10, 0.25, 0.15, 0.15], 0.12, 1.0, true),
        new("Small business", 0.23, 0.7, 520, 0.022, [0.35, 0.15, 0.05, 0.30, 0.05, 0.10], [0.08, 0.07, 0.30, 0.15, 0.05, 0.15, 0.20], 0.03, 0.25, false),
        new("Consumer", 0.65, 0.5, 260, 0.030, [0.40, 0.35, 0.25, 0, 0, 0], [0.05, 0.12, 0.20, 0.25, 0, 0.10, 0.28], 0, 0.02, false),
    ];

    public static readonly Category[] Categories =
    [
        new("Electronics", 0.16, 1.9, 0.07, 0.10, 1.3),
        new("Home & kitchen", 0.34, 1.0, 0.05, 0.06, 2.0),
        new("Apparel", 0.52, 0.7, 0.14, 0.05, 2.6),
        new("Beauty & personal care", 0.58, 0.6, 0.04, 0.04, 2.2),
        new("Sports & outdoors", 0.40, 1.1, 0.06, 0.05, 1.6),
        new("Office supplies", 0.28, 0.8, 0.03, 0.04, 4.0),
        new("Food & beverage", 0.22, 0.5, 0.02, 0.03, 3.5),
        new("Toys & baby", 0.44, 0.7, 0.05, 0.05, 2.0),
    ];

    // Category preference of B2B and consumer buyers (favourite categories are drawn with these).
    public static readonly double[] BusinessCategoryWeights = [0.30, 0.10, 0.05, 0.03, 0.07, 0.35, 0.07, 0.03];
    public static readonly double[] ConsumerCategoryWeights = [0.14, 0.16, 0.20, 0.16, 0.10, 0.03, 0.13, 0.08];

    // Channels differ in cost per acquisition and in response: the marketing page's story.
    public static readonly MarketingChannel[] MarketingChannels =
    [
        new("Email", 45, 3_000, 0.35, 0.090, 7, true),
        new("SMS", 35, 5_000, 0.25, 0.050, 7, true),
        new("Search ads", 160, 20_000, 0, 0, 14, false),
        new("Social media", 110, 15_000, 0.12, 0.035, 14, true),
        new("Events", 650, 60_000, 0.15, 0.220, 30, true),
        new("Referral", 80, 5_000, 0, 0, 30, false),
        new("Organic", 0, 0, 0, 0, 0, false),
    ];
    public const int Organic = 7;

    public static readonly (string Name, double Weight)[] TicketCategories =
        [("delivery", 0.30), ("product", 0.25), ("billing", 0.15), ("returns", 0.15), ("account", 0.15)];

    // Service channels: share of tickets, median minutes to first response.
    public static readonly (string Name, double Weight, double ResponseMinutes)[] ServiceChannels =
        [("phone", 0.35, 1.5), ("email", 0.30, 240), ("chat", 0.25, 3), ("web", 0.10, 480)];

    // Seasonality of a Chinese retailer: the Spring Festival dip, 618 and Singles' Day peaks.
    public static readonly double[] MonthSeason = [0.92, 0.75, 0.95, 0.95, 1.0, 1.18, 0.95, 0.95, 1.0, 1.05, 1.38, 1.22];

    public static readonly string[] CampaignThemes =
    [
        "New Year", "Spring Festival", "Spring launch", "Qingming", "Labour Day", "618 Mid-year",
        "Summer", "Back to school", "Mid-Autumn", "Golden Week", "Singles' Day 11.11", "Year-end",
    ];

    public static readonly string[] Surnames =
        ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao"];

    public static readonly string[] GivenNames =
        ["Wei", "Fang", "Na", "Min", "Jing", "Lei", "Qiang", "Yan", "Jun", "Yong", "Jie", "Tao", "Ming", "Chao", "Xiu", "Hui", "Li", "Hao", "Yu", "Xin", "Lan", "Bo", "Ning", "Kai"];

    public static readonly string[] CompanyWords =
        ["Huaxin", "Hengtai", "Jinlong", "Tianyu", "Ruida", "Xinghe", "Zhongke", "Boyuan", "Shengda", "Yuanhang", "Dingfeng", "Kaida", "Haoyun", "Mingde", "Anxin"];

    public static readonly string[] CompanyKinds =
        ["Technology Co., Ltd.", "Trading Co., Ltd.", "Manufacturing Co., Ltd.", "Logistics Co., Ltd.", "Retail Group", "Consulting Co., Ltd."];

    public static readonly string[] ActivityKinds = ["call", "email", "visit", "meeting"];
    public static readonly double[] ActivityWeights = [0.45, 0.30, 0.15, 0.10];
}
