using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Storage;

public sealed class DataVersionSnapshotTests
{
    private static DataVersionSnapshot At(long version, params (string Area, long Version)[] areas) =>
        new(version, areas.ToDictionary(a => a.Area, a => a.Version), DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_query_is_keyed_by_the_latest_change_of_the_areas_it_reads()
    {
        var snapshot = At(9, ("fact_order", 4), ("fact_ticket", 9), ("*", 2));

        Assert.Equal(4, snapshot.VersionFor(["fact_order"]));
        Assert.Equal(9, snapshot.VersionFor(["fact_order", "fact_ticket"]));
        Assert.Equal(2, snapshot.VersionFor(["fact_survey"])); // only the import at 2 touched surveys
    }

    [Fact]
    public void A_write_to_everything_counts_for_every_area()
    {
        var snapshot = At(6, ("fact_order", 4), ("*", 6));

        Assert.Equal(6, snapshot.VersionFor(["fact_order"]));
    }

    [Fact]
    public void A_bump_without_an_area_record_falls_back_to_the_global_version()
    {
        // Version 8 has no area record (a writer that did not say what it touched).
        Assert.Equal(8, At(8, ("fact_order", 4)).VersionFor(["fact_order"]));
        Assert.Equal(8, At(8).VersionFor(["fact_order"]));
    }

    [Fact]
    public void Changed_areas_are_those_with_a_new_version()
    {
        var before = At(4, ("fact_order", 4), ("fact_ticket", 3));
        var after = At(6, ("fact_order", 4), ("fact_ticket", 6), ("fact_survey", 5));

        Assert.Equal(["fact_survey", "fact_ticket"], after.ChangedSince(before));
    }

    [Fact]
    public void Areas_are_the_tables_a_query_reads()
    {
        Assert.Equal(["dim_region", "fact_order"], DataAreas.ReadBy("SELECT r.name FROM fact_order o JOIN dim_region r ON r.region_id = o.region_id JOIN dim_date d ON 1=1"));
        Assert.Equal(["fact_ticket"], DataAreas.ReadBy("SELECT response_seconds FROM v_ticket"));
        // A pre-aggregate is the facts it derives from: a write of orders, tickets or surveys makes
        // results read from it stale (the cohort matrix reads agg_cohort_activity alone).
        Assert.Equal(["fact_order"], DataAreas.ReadBy("SELECT SUM(customers) FROM agg_cohort_activity"));
        Assert.Equal(["fact_ticket"], DataAreas.ReadBy("SELECT 1 FROM agg_ticket_day a JOIN agg_ticket_repeat r ON 1 = 1"));
        Assert.Equal(["fact_survey"], DataAreas.ReadBy("SELECT csat_total FROM agg_survey_day"));
        Assert.Empty(DataAreas.ReadBy("SELECT version FROM data_version"));
    }

    [Fact]
    public void Every_pre_aggregate_in_the_schema_belongs_to_the_facts_it_derives_from()
    {
        // A table left out of DataAreas would be its own area, which no write ever bumps: its
        // results would never go stale.
        var schema = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "sql", "schema", "duckdb.sql"));
        var tables = System.Text.RegularExpressions.Regex.Matches(schema, @"CREATE TABLE IF NOT EXISTS (agg_[a-z0-9_]+)")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("agg_sale_pair", tables);
        Assert.All(tables, table => Assert.All(DataAreas.ReadBy($"SELECT 1 FROM {table}"), area => Assert.DoesNotContain("agg_", area, StringComparison.Ordinal)));
    }
}
