using System.Globalization;
using CrmInsight.Domain;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Web.Security;

namespace CrmInsight.Web.Cli;

/// <summary>
/// <c>users create|list|disable|reset-password</c> [--database PATH]: the same users the Users
/// page manages, through the same <see cref="UserAdministration"/> (Identity's validation and
/// hashing, the audit log). A generated password is printed once.
/// </summary>
public static class UsersCommand
{
    public const string Usage = """
        Usage: dotnet run --project CrmInsight.Web -- users create --user NAME --role Admin|Executive|Analyst|SalesLead [--teams 1,2] [--password-stdin] [--database PATH]
               dotnet run --project CrmInsight.Web -- users list [--database PATH]
               dotnet run --project CrmInsight.Web -- users disable NAME [--database PATH]
               dotnet run --project CrmInsight.Web -- users reset-password NAME [--password-stdin] [--database PATH]

          Admin: users, keys, import, simulator and all data; Executive: all data, read; Analyst: all data,
          read and export; SalesLead: only the teams of --teams (team ids), read and export.
          Without --password-stdin a random password is generated and printed once; with it, the
          password is the first line read from standard input. While the dashboard runs on the same
          DuckDB file, use its Users page (/admin/users).
        """;

    private static readonly string[] Verbs = ["create", "list", "disable", "reset-password"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input, TimeProvider time)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var verb = args[0];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--user" or "--role" or "--teams" or "--database" && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else if (args[i] == "--password-stdin" && verb is "create" or "reset-password")
            {
                options["password-stdin"] = "";
            }
            else if (verb is "disable" or "reset-password" && name is null && !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                name = args[i];
            }
            else
            {
                await error.WriteLineAsync($"Unknown or incomplete argument '{args[i]}'.");
                await error.WriteLineAsync(Usage);
                return 2;
            }
        }
        if (verb == "create")
        {
            name = options.GetValueOrDefault("user");
        }
        if (verb != "list" && string.IsNullOrWhiteSpace(name))
        {
            await error.WriteLineAsync(verb == "create" ? "users create needs --user NAME." : $"users {verb} needs the user's name.");
            return 2;
        }
        var teams = IdSet.Empty;
        if (options.TryGetValue("teams", out var teamsText) && !TeamList.TryParse(teamsText, out teams))
        {
            await error.WriteLineAsync($"--teams must be team ids separated by commas (1,2), not '{teamsText}'.");
            return 2;
        }
        if (verb == "create" && !options.ContainsKey("role"))
        {
            await error.WriteLineAsync("users create needs --role Admin|Executive|Analyst|SalesLead.");
            return 2;
        }
        string? password = null;
        if (options.ContainsKey("password-stdin"))
        {
            password = (await input.ReadLineAsync())?.TrimEnd('\r');
            if (string.IsNullOrEmpty(password))
            {
                await error.WriteLineAsync("--password-stdin: no password on standard input.");
                return 2;
            }
        }

        var builder = Host.CreateApplicationBuilder([]);
        await using var database = await CommandDatabase.OpenExistingAsync(options.GetValueOrDefault("database"), builder.Configuration, builder.Environment.ContentRootPath, error);
        if (database is null)
        {
            return 1;
        }
        await using var services = Services(database, builder.Configuration, time);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var result = verb switch
        {
            "create" => await users.CreateAsync(name!, options["role"], teams, password, AuditLog.CommandLineActor),
            "disable" => await users.DisableAsync(name!, AuditLog.CommandLineActor),
            "reset-password" => await users.ResetPasswordAsync(name!, password, AuditLog.CommandLineActor),
            _ => null,
        };
        if (result is null)
        {
            foreach (var user in await users.ListAsync())
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{user.UserName}\t{UserAdministration.Describe(user)}\t{(user.IsDisabled ? "DISABLED" : "enabled")}\tcreated {user.CreatedAt:yyyy-MM-dd HH:mm}\tlast sign-in {user.LastSignInAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never"}"));
            }
            return 0;
        }
        if (!result.Succeeded)
        {
            foreach (var problem in result.Errors)
            {
                await error.WriteLineAsync(problem);
            }
            return 1;
        }
        await output.WriteLineAsync(verb switch
        {
            "create" => $"Created {result.User!.UserName} ({UserAdministration.Describe(result.User)}).",
            "disable" => $"Disabled {result.User!.UserName}: their sign-ins and open screens end.",
            _ => $"Set a new password for {result.User!.UserName}; their other sign-ins end.",
        });
        if (result.GeneratedPassword is { } generated)
        {
            await output.WriteLineAsync("Their password (shown once, copy it now):");
            await output.WriteLineAsync(generated);
        }
        return 0;
    }

    /// <summary>The user administration of the web app, over one database, without a web host.</summary>
    private static ServiceProvider Services(ICrmDatabase database, IConfiguration configuration, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        // The Domain as every host registers it, on this database.
        services.AddCrmInsightDomain(_ => database);
        services.AddSingleton<UserSessions>();
        services.AddCrmInsightAuthOptions(configuration);
        services.AddCrmInsightIdentity();
        services.AddScoped<UserAdministration>();
        return services.BuildServiceProvider();
    }
}
