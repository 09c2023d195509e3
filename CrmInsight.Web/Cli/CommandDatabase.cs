using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Cli;

/// <summary>The database a management command (keys, users) works on: the configured one, or <c>--database PATH</c>; it must exist already.</summary>
internal static class CommandDatabase
{
    /// <returns>The open database with its schema up to date, or null (with the reason written) when the DuckDB file does not exist.</returns>
    public static async Task<ICrmDatabase?> OpenExistingAsync(string? path, IConfiguration configuration, string contentRoot, TextWriter error)
    {
        var services = new ServiceCollection();
        services.AddCrmInsightOptions(configuration);
        await using var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (path is not null)
        {
            storage = new StorageOptions { Provider = StorageProvider.DuckDb, DuckDbPath = Path.GetFullPath(path), DuckDbMemoryLimit = storage.DuckDbMemoryLimit };
        }
        var database = CrmInsightServices.OpenDatabase(storage, contentRoot);
        if (database is DuckDbDatabase { FileExists: false } missing)
        {
            await error.WriteLineAsync($"There is no database at {missing.FilePath} yet: start the dashboard once (it creates it), or pass --database.");
            await database.DisposeAsync();
            return null;
        }
        await SchemaInstaller.InstallAsync(database, SqlCatalog.Default);
        return database;
    }
}
