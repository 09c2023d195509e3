using CrmInsight.Domain.Filters;

namespace CrmInsight.Domain.Security;

/// <summary>
/// A person who signs in with a password. Mutable, as ASP.NET Core Identity's stores expect:
/// Identity changes the object (password hash, lockout, stamps) and then asks the store to save
/// it. <see cref="Teams"/> matter only for <see cref="Roles.SalesLead"/>.
/// </summary>
public sealed class UserAccount
{
    public int Id { get; set; }

    public string UserName { get; set; } = "";

    public string NormalizedUserName { get; set; } = "";

    public string? PasswordHash { get; set; }

    /// <summary>Changes whenever the account's access changes, which invalidates its cookies and open screens.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>The value read from the database; the store saves only when it is still there.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public string Role { get; set; } = "";

    public IdSet Teams { get; set; } = IdSet.Empty;

    public bool LockoutEnabled { get; set; } = true;

    /// <summary>UTC; in the future while the account is locked out.</summary>
    public DateTime? LockoutEndsAt { get; set; }

    public int AccessFailedCount { get; set; }

    public DateTime? DisabledAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastSignInAt { get; set; }

    public bool IsDisabled => DisabledAt is not null;
}
