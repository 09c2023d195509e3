using System.Globalization;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Web.Cli;

/// <summary>
/// <c>keys create --kind api|read|display --name NAME [--teams 1,2]</c>, <c>keys list</c>,
/// <c>keys revoke ID</c> [--database PATH]: the same keys the Admin page manages (and the same
/// audit log). A new key is printed once.
/// </summary>
public static class KeysCommand
{
    public const string Usage = """
        Usage: dotnet run --project CrmInsight.Web -- keys create --kind api|read|display --name NAME [--teams 1,2] [--database PATH]
               dotnet run --project CrmInsight.Web -- keys list [--database PATH]
               dotnet run --project CrmInsight.Web -- keys revoke ID [--database PATH]

          api keys write through POST /api/ingest/... (header X-Api-Key) and read nothing; read keys read
          GET /api/kpis and the exports (header X-Api-Key) and write nothing; display keys open
          /wall?key=KEY on a TV once (a cookie keeps it) and nothing else. --teams limits a key to those
          teams, as a sales lead is limited. Keys are stored hashed: copy a new key when it is printed.
          While the dashboard runs on the same DuckDB file, use its Admin page.
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
            if (args[i] is "--kind" or "--name" or "--database" or "--teams" && i + 1 < args.Length)
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
        await using var database = await CommandDatabase.OpenExistingAsync(options.GetValueOrDefault("database"), builder.Configuration, builder.Environment.ContentRootPath, error);
        if (database is null)
        {
            return 1;
        }
        // The Domain as every host registers it, on this database.
        await using var services = new ServiceCollection().AddSingleton(time).AddCrmInsightDomain(_ => database).BuildServiceProvider();
        var store = services.GetRequiredService<AccessKeyStore>();

        switch (verb)
        {
            case "create":
                if (!options.TryGetValue("kind", out var kindText) || !AccessKeyStore.TryParseKind(kindText, out var kind))
                {
                    await error.WriteLineAsync("--kind must be api, read or display.");
                    return 2;
                }
                if (!options.TryGetValue("name", out var name) || string.IsNullOrWhiteSpace(name) || name.Length > 100)
                {
                    await error.WriteLineAsync("--name must name who or what uses the key (1 to 100 characters).");
                    return 2;
                }
                var teams = IdSet.Empty;
                if (options.TryGetValue("teams", out var teamsText) && !TeamList.TryParse(teamsText, out teams))
                {
                    await error.WriteLineAsync($"--teams must be team ids separated by commas (1,2), not '{teamsText}'.");
                    return 2;
                }
                CreatedAccessKey created;
                try
                {
                    created = await store.CreateAsync(kind, name, teams, AuditLog.CommandLineActor);
                }
                catch (ArgumentException ex)
                {
                    await error.WriteLineAsync(ex.Message);
                    return 1;
                }
                await output.WriteLineAsync($"Created {AccessKeyStore.Describe(created.Key)} #{created.Key.Id} '{created.Key.Name}'. Copy it now; it is not shown again:");
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
                        $"#{key.Id}\t{AccessKeyStore.KindName(key.Kind)}\t{(key.Teams.IsEmpty ? "all teams" : "teams " + key.Teams)}\t{key.Name}\t{key.Prefix}…\tcreated {key.CreatedAt:yyyy-MM-dd HH:mm}\tlast used {key.LastUsedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never"}{(key.IsRevoked ? "\tREVOKED" : "")}"));
                }
                return 0;
            default:
                if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var keyId))
                {
                    await error.WriteLineAsync("keys revoke needs the key's number (see keys list).");
                    return 2;
                }
                if (!await store.RevokeAsync(keyId, AuditLog.CommandLineActor))
                {
                    await error.WriteLineAsync($"There is no active key #{keyId}.");
                    return 1;
                }
                await output.WriteLineAsync($"Revoked key #{keyId}.");
                return 0;
        }
    }
}
