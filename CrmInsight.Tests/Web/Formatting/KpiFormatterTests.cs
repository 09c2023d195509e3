using System.Globalization;
using CrmInsight.Domain.Kpis;
using CrmInsight.Web.Formatting;
using CrmInsight.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CrmInsight.Tests.Web.Formatting;

/// <summary>Cultures are pinned per test: the machine's culture never decides what is expected.</summary>
public sealed class KpiFormatterTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private readonly KpiFormatter _format = new(Options.Create(new DisplayOptions { Currency = "CNY" }));
    private readonly KpiCatalog _catalog = new();

    [Theory]
    [InlineData(88_500_000, "¥88.50M", "¥8,850.0万")]
    [InlineData(250_000_000, "¥250.00M", "¥2.50亿")]
    [InlineData(134.43, "¥134.43", "¥134.43")]
    [InlineData(12_345, "¥12.3K", "¥1.2万")]
    [InlineData(-2_500_000, "-¥2.50M", "-¥250.0万")]
    public void Money_is_compact_and_keeps_the_data_currency(double value, string english, string chinese)
    {
        Assert.Equal(english, _format.Format((decimal)value, KpiUnit.Money, English));
        Assert.Equal(chinese, _format.Format((decimal)value, KpiUnit.Money, Chinese));
    }

    [Theory]
    [InlineData(0.153, KpiUnit.Fraction, "15.3%")]
    [InlineData(118_400, KpiUnit.Count, "118.4K")]
    [InlineData(9_691, KpiUnit.Count, "9,691")]
    [InlineData(2.1666, KpiUnit.Ratio, "2.17")]
    [InlineData(34.12, KpiUnit.Score, "34.1")]
    [InlineData(75, KpiUnit.Minutes, "75.0 min")]
    [InlineData(222, KpiUnit.Minutes, "3.7 h")]
    [InlineData(28.34, KpiUnit.Hours, "28.3 h")]
    [InlineData(165.69, KpiUnit.Seconds, "166 s")]
    public void Units_in_english(double value, KpiUnit unit, string expected) =>
        Assert.Equal(expected, _format.Format((decimal)value, unit, English));

    [Theory]
    [InlineData(75, KpiUnit.Minutes, "75.0 分钟")]
    [InlineData(222, KpiUnit.Minutes, "3.7 小时")]
    [InlineData(28.34, KpiUnit.Hours, "28.3 小时")]
    [InlineData(1_234.4, KpiUnit.Seconds, "1,234 秒")]
    [InlineData(118_400, KpiUnit.Count, "11.8万")]
    public void Units_in_chinese(double value, KpiUnit unit, string expected) =>
        Assert.Equal(expected, _format.Format((decimal)value, unit, Chinese));

    [Fact]
    public void Undefined_is_a_dash_never_zero()
    {
        Assert.Equal("—", _format.Format(null, KpiUnit.Fraction, English));
        Assert.Equal("—", _format.FormatChange(null, _catalog.Get("revenue"), English));
    }

    [Theory]
    [InlineData("revenue", 0.142, "+14.2%")]
    [InlineData("revenue", -0.029, "−2.9%")]
    [InlineData("churn_rate", -0.027, "−2.7 pts")]
    [InlineData("gross_margin", -0.0003, "±0.0 pts")]
    [InlineData("nps", 4, "+4.0")]
    public void Changes_show_relative_or_points(string id, double change, string expected) =>
        Assert.Equal(expected, _format.FormatChange((decimal)change, _catalog.Get(id), English));

    [Fact]
    public void Points_read_naturally_in_chinese() =>
        Assert.Equal("+3.1 个百分点", _format.FormatChange(0.031m, _catalog.Get("retention_rate"), Chinese));

    [Fact]
    public void Exact_money_keeps_every_cent() =>
        Assert.Equal("¥1,234,567.89", _format.FormatExact(1_234_567.89m, KpiUnit.Money, English));

    [Theory]
    [InlineData(1_074_475.49, "¥1,074,475")]
    [InlineData(1_074_475.5, "¥1,074,476")]
    [InlineData(-2_500, "-¥2,500")]
    public void Whole_money_rounds_to_the_unit(double value, string expected) =>
        Assert.Equal(expected, _format.FormatWholeMoney((decimal)value, English));

    [Fact]
    public void Whole_money_of_nothing_is_undefined() =>
        Assert.Equal("—", _format.FormatWholeMoney(null, English));
}
