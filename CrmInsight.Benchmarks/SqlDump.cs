using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Benchmarks;

/// <summary>
/// Prints catalog queries as DuckDB text with the default (or YTD-vs-LY, one region; or YTD, whole company) filter's
/// arguments written in as literals (--portable: the text SQL Server gets, which DuckDB runs too), statements separated by "----" lines: the input of a
/// query-plan session (EXPLAIN ANALYZE) or of a hand-written rival, outside the app. Further
/// arguments as name=value (dimension=channel).
/// </summary>
internal static partial class SqlDump
{
    public static int Run(string[] args)
    {
        var names = new List<string>();
        var filter = DashboardFilter.Default;
        var monthly = false;
        var unfiltered = false;
        var dialect = SqlDialect.DuckDb;
        var extra = new List<(string Name, string Value)>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--filters":
                    filter = args[++i] switch
                    {
                        "ytd" => DashboardFilter.Default with { Preset = DatePreset.YearToDate, Comparison = ComparisonMode.SamePeriodLastYear, Regions = IdSet.Of(1) },
                        "ytd-all" => DashboardFilter.Default with { Preset = DatePreset.YearToDate },
                        _ => DashboardFilter.Default,
                    };
                    break;
                case "--monthly": monthly = true; break;
                case "--twin": unfiltered = true; break;
                case "--portable": dialect = SqlDialect.SqlServer; break;
                case var pair when pair.Contains('=', StringComparison.Ordinal): extra.Add((pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..])); break;
                default: names.Add(args[i]); break;
            }
        }
        var periods = new PeriodResolver(TimeProvider.System).Resolve(filter);
        var sqlArgs = QueryArgs.For(filter, DataScope.All).Window(periods.Period, periods.Comparison).Monthly(monthly)
            .AsOf(DateOnly.FromDateTime(DateTime.Today)).MeasuredAt(DateTime.UtcNow);
        foreach (var (name, value) in extra)
        {
            sqlArgs = sqlArgs.With(name, long.TryParse(value, CultureInfo.InvariantCulture, out var number) ? number : value);
        }
        foreach (var name in names)
        {
            var query = SqlCatalog.Default.Get(unfiltered && SqlCatalog.Default.Contains(QueryCache.UnfilteredPrefix + name) ? QueryCache.UnfilteredPrefix + name : name, dialect);
            Console.WriteLine($"-- {query.Name}");
            Console.WriteLine(Parameter().Replace(query.Text, m => sqlArgs.TryGet(m.Groups[1].Value, out var value) ? Literal(value) : m.Value));
            Console.WriteLine("----");
        }
        return 0;
    }

    private static string Literal(object? value) => value switch
    {
        null => "NULL",
        DateOnly d => $"DATE '{d:yyyy-MM-dd}'",
        DateTime t => $"TIMESTAMP '{t:yyyy-MM-dd HH:mm:ss}'",
        string s => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        IEnumerable list => "(" + (string.Join(", ", list.Cast<object?>().Select(Literal)) is { Length: > 0 } items ? items : "NULL") + ")",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "NULL",
    };

    [GeneratedRegex(@"[$@]([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();
}
