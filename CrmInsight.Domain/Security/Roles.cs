namespace CrmInsight.Domain.Security;

/// <summary>
/// Who a principal is to the product. People have one of the four user roles; keys carry a
/// role of their kind. Which data each may see is <see cref="DataScope"/>'s business (the host
/// turns a principal into one scope in one place); which routes each may open is the host's
/// authorization policies.
/// </summary>
public static class Roles
{
    /// <summary>Users, keys, import, the simulator; all data.</summary>
    public const string Admin = "Admin";

    /// <summary>All data, read only (pages and the wall, no export).</summary>
    public const string Executive = "Executive";

    /// <summary>All data, read and export.</summary>
    public const string Analyst = "Analyst";

    /// <summary>Only the teams they lead; read and export.</summary>
    public const string SalesLead = "SalesLead";

    /// <summary>An ingest key (<c>keys create --kind api</c>): writes, never reads.</summary>
    public const string IngestKey = "IngestKey";

    /// <summary>A read key: GET /api/kpis and exports, no writes.</summary>
    public const string ReadKey = "ReadKey";

    /// <summary>A display key: the wall and nothing else.</summary>
    public const string DisplayKey = "DisplayKey";

    /// <summary>The roles a person (a user account or an OpenID Connect sign-in) can have.</summary>
    public static IReadOnlyList<string> UserRoles { get; } = [Admin, Executive, Analyst, SalesLead];

    /// <summary>The user roles whose scope is every team.</summary>
    public static IReadOnlyList<string> AllTeamRoles { get; } = [Admin, Executive, Analyst];

    /// <summary>The key roles.</summary>
    public static IReadOnlyList<string> KeyRoles { get; } = [IngestKey, ReadKey, DisplayKey];

    /// <summary>The user role named by <paramref name="text"/> in any case, in its canonical spelling.</summary>
    public static bool TryParseUserRole(string? text, out string role)
    {
        role = UserRoles.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
        return role.Length > 0;
    }

    public static string KeyRoleOf(AccessKeyKind kind) => kind switch
    {
        AccessKeyKind.Api => IngestKey,
        AccessKeyKind.Read => ReadKey,
        AccessKeyKind.Display => DisplayKey,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
