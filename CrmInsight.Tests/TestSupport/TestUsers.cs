using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;

namespace CrmInsight.Tests.TestSupport;

/// <summary>A person every test server has, one per role (see <see cref="TestUsers"/>).</summary>
public sealed record TestUser(string Name, string Role, IdSet Teams);

/// <summary>
/// The users of every test server, all with <see cref="Password"/>: the first-start admin (the
/// app creates it from <c>Auth:InitialAdminPassword</c>) and one user per other role, created
/// through the product's own UserAdministration when the server is ready. Tests sign them in
/// through the real sign-in form (<see cref="TestSignIn"/>): no test-only authentication, so
/// every test that reads data goes through Identity, the cookie, the claims factory and
/// PrincipalScope exactly as a person does.
/// </summary>
public static class TestUsers
{
    public const string Password = "test password 2024";

    public static readonly TestUser Admin = new("admin", Roles.Admin, IdSet.Empty);

    public static readonly TestUser Executive = new("exec", Roles.Executive, IdSet.Empty);

    public static readonly TestUser Analyst = new("analyst", Roles.Analyst, IdSet.Empty);

    /// <summary>Leads team 1 of the demo company only.</summary>
    public static readonly TestUser SalesLead = new("lead", Roles.SalesLead, IdSet.Of(1));

    public static IReadOnlyList<TestUser> All { get; } = [Admin, Executive, Analyst, SalesLead];
}
