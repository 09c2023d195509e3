using System.Globalization;
using CrmInsight.Domain;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Cli;

/// <summary>
/// <c>keys create --kind api|display --name NAME</c>, <c>keys list</c>, <c>keys revoke ID</c>
/// [--database PATH]: the same keys the Admin page manages. A new key is printed once.
/// </summary>
public static class KeysCommand
{
    public const string Usage = """
        Usage: dotnet run --project CrmInsight.Web -- keys create --kind api|display --name NAME [--database PATH]
               dotnet run --project CrmInsight.Web -- keys list [--database PATH]
               dotnet run --project CrmInsight.Web -- keys revoke ID [--database PATH]

          api keys authenticate POST /api/ingest/... (header X-Api-Key); display keys open /wall?key=KEY
          on a TV once (a cookie keeps it) and nothing else. Keys are stored hashed: copy a new key
          when it is printed. While the dashboard runs on the same DuckDB file, use its Admin page.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time)
    {
        if (args.Length == 0 || args[0] is not ("create" or "list" or "revoke"))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var verb = args[0];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? id = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--kind" or "--name" or "--database" && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else if (verb == "revoke" && id is null && !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                id = args[i];
            }
            else
            {
                await error.WriteLineAsync($"Unknown or incomplete argument '{args[i]}'.");
                await error.WriteLineAsync(Usage);
                return 2;
            }
        }

        var builder = Host.CreateApplicationBuilder([]);
        builder.Services.AddCrmInsightOptions(builder.Configuration);
        using var host = builder.Build();
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (options.TryGetValue("database", out var path))
        {
            storage = new StorageOptions { Provider = StorageProvider.DuckDb, DuckDbPath = Path.GetFullPath(path), DuckDbMemoryLimit = storage.DuckDbMemoryLimit };
        }
        await using var database = CrmInsightServices.OpenDatabase(storage, builder.Environment.ContentRootPath);
        if (database is DuckDbDatabase { FileExists: false } missing)
        {
            await error.WriteLineAsync($"There is no database at {missing.FilePath} yet: start the dashboard once (it creates it), or pass --database.");
            return 1;
        }
        await SchemaInstaller.InstallAsync(database, SqlCatalog.Default);
        // The Domain as every host registers it, on this database.
        await using var services = new ServiceCollection().AddSingleton(time).AddCrmInsightDomain(_ => database).BuildServiceProvider();
        var store = services.GetRequiredService<AccessKeyStore>();

        switch (verb)
        {
            case "create":
                if (!options.TryGetValue("kind", out var kindText) || !AccessKeyStore.TryParseKind(kindText, out var kind))
                {
                    await error.WriteLineAsync("--kind must be api or display.");
                    return 2;
                }
                if (!options.TryGetValue("name", out var name) || string.IsNullOrWhiteSpace(name) || name.Length > 100)
                {
                    await error.WriteLineAsync("--name must name who or what uses the key (1 to 100 characters).");
                    return 2;
                }
                var created = await store.CreateAsync(kind, name);
                await output.WriteLineAsync($"Created {kindText} key #{created.Key.Id} '{created.Key.Name}'. Copy it now; it is not shown again:");
                await output.WriteLineAsync(created.Secret);
                if (kind == AccessKeyKind.Display)
                {
                    await output.WriteLineAsync($"Open it on the display once: http://HOST/wall?key={created.Secret}");
                }
                return 0;
            case "list":
                foreach (var key in await store.ListAsync())
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"#{key.Id}\t{key.Kind.ToString().ToLowerInvariant()}\t{key.Name}\t{key.Prefix}…\tcreated {key.CreatedAt:yyyy-MM-dd HH:mm}\tlast used {key.LastUsedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never"}{(key.IsRevoked ? "\tREVOKED" : "")}"));
                }
                return 0;
            default:
                if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var keyId))
                {
                    await error.WriteLineAsync("keys revoke needs the key's number (see keys list).");
                    return 2;
                }
                if (!await store.RevokeAsync(keyId))
                {
                    await error.WriteLineAsync($"There is no active key #{keyId}.");
                    return 1;
                }
                await output.WriteLineAsync($"Revoked key #{keyId}.");
                return 0;
        }
    }
}
