using System.Text;
using CrmInsight.Domain.Import;
using CrmInsight.Tests.TestSupport;
using Dapper;

namespace CrmInsight.Tests.Domain.Import;

/// <summary>Runs an import of CSV text (LF line ends unless the text has others) on a test database.</summary>
internal static class ImportTestFile
{
    public static async Task<ImportSummary> ImportAsync(
        this TestDatabase db, ImportKind kind, string csv, string map, Func<ImportSettings, ImportSettings>? configure = null, bool bom = false)
    {
        var (mapping, errors) = ColumnMapping.Parse(kind, map);
        Assert.True(mapping is not null, string.Join(" ", errors));
        var settings = new ImportSettings(mapping);
        settings = configure?.Invoke(settings) ?? settings;
        var bytes = Encoding.UTF8.GetBytes(csv);
        if (bom)
        {
            bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
        }
        using var service = new ImportService(db.Database, db.Versions, db.Aggregates, db.Time);
        using var stream = new MemoryStream(bytes);
        return await service.ImportAsync(kind, stream, settings);
    }

    public static async Task<T> ScalarAsync<T>(this TestDatabase db, string sql)
    {
        await using var connection = await db.Database.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    public static async Task<IReadOnlyList<T>> RowsAsync<T>(this TestDatabase db, string sql)
    {
        await using var connection = await db.Database.OpenConnectionAsync();
        return [.. await connection.QueryAsync<T>(sql)];
    }
}
