using System.Net;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.Web.Security;

/// <summary>Forged forms, open redirects, guessed passwords, and sessions that must end.</summary>
public sealed class HardeningAttackTests(AttackServer server) : IClassFixture<AttackServer>
{
    private async Task<TestUser> NewUserAsync(string name, string role = Roles.Analyst)
    {
        await server.WaitUntilReadyAsync();
        await using var scope = server.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(name, role, CrmInsight.Domain.Filters.IdSet.Empty, TestUsers.Password, "tests");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return new TestUser(name, role, CrmInsight.Domain.Filters.IdSet.Empty);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task Csrf_a_sign_in_post_without_the_forms_token_is_refused()
    {
        using var client = server.CreateAnonymousClient();

        using var response = await client.PostAsync("/signin", Form(("_handler", "signin"), ("Input.UserName", "admin"), ("Input.Password", TestUsers.Password)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(AuthSchemes.UserCookieName, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Csrf_sign_out_and_language_posts_without_a_token_change_nothing()
    {
        using var client = await server.CreateClientAsync(TestUsers.Analyst);

        using var signOut = await client.PostAsync("/signout", Form());
        using var language = await client.PostAsync("/culture/set", Form(("culture", "zh-CN"), ("redirectUri", "/")));
        // Another session's token is no good either: it is bound to that session's cookie.
        using var other = server.CreateAnonymousClient();
        var foreignToken = TestSignIn.AntiforgeryToken(await other.GetStringAsync("/signin"));
        using var forged = await client.PostAsync("/signout", Form(("__RequestVerificationToken", foreignToken)));

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, language.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/kpis?ids=orders")).StatusCode); // still signed in
    }

    [Theory]
    [InlineData("/%09/evil.example", "/")] // a tab: browsers drop it and go to //evil.example (answered 500 before)
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/marketing?period=ytd", "/marketing?period=ytd")]
    public async Task The_language_switch_is_a_post_that_redirects_only_inside_the_site(string redirect, string expected)
    {
        using var client = server.CreateAnonymousClient();
        var token = TestSignIn.AntiforgeryToken(await client.GetStringAsync("/signin"));

        using var get = await client.GetAsync($"/culture/set?culture=zh-CN&redirectUri={redirect}");
        using var post = await client.PostAsync("/culture/set", Form(("__RequestVerificationToken", token), ("culture", "zh-CN"), ("redirectUri", Uri.UnescapeDataString(redirect))));

        Assert.NotEqual(HttpStatusCode.InternalServerError, get.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, get.StatusCode); // a GET changes no state
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(expected, post.Headers.Location?.OriginalString);
        Assert.Contains(post.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Dzh-CN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_and_are_audited()
    {
        var user = await NewUserAsync("locky");
        using var client = server.CreateAnonymousClient();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await TestSignIn.PostAsync(client, user.Name, "wrong password " + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode); // the form again, with a message
        }
        using var right = await TestSignIn.PostAsync(client, user.Name, TestUsers.Password);
        var page = await right.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("this account is locked", page, StringComparison.Ordinal);
        Assert.Equal(4L, await server.ScalarAsync<long>("SELECT COUNT(*) FROM app_audit WHERE action = 'sign-in-failed' AND actor = 'locky'"));
        Assert.Equal(2L, await server.ScalarAsync<long>("SELECT COUNT(*) FROM app_audit WHERE action = 'locked-out' AND actor = 'locky'")); // the fifth attempt, and the right one after it
        // Locked for Identity's lockout span from the app's (pinned) clock, not just flagged.
        Assert.True(await server.ScalarAsync<DateTime>("SELECT lockout_ends_at FROM app_user WHERE user_name = 'locky'") > server.Clock.GetUtcNow().UtcDateTime.AddMinutes(10));

        // An admin's password reset lifts the lock.
        await using var scope = server.Services.CreateAsyncScope();
        var reset = await scope.ServiceProvider.GetRequiredService<UserAdministration>().ResetPasswordAsync(user.Name, TestUsers.Password, "tests");
        Assert.True(reset.Succeeded);
        using var again = await TestSignIn.PostAsync(client, user.Name, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task A_wrong_name_and_a_wrong_password_read_the_same()
    {
        using var client = server.CreateAnonymousClient();

        var noUser = await (await TestSignIn.PostAsync(client, "nobody-here", "x")).Content.ReadAsStringAsync();
        var badPassword = await (await TestSignIn.PostAsync(client, TestUsers.Executive.Name, "x")).Content.ReadAsStringAsync();

        const string Message = "The user name or password is not right, or the account is disabled.";
        Assert.Contains(Message, noUser, StringComparison.Ordinal);
        Assert.Contains(Message, badPassword, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_users_other_sign_ins_too()
    {
        var user = await NewUserAsync("twin");
        using var here = await server.CreateClientAsync(user);
        using var elsewhere = await server.CreateClientAsync(user);
        var token = TestSignIn.AntiforgeryToken(await here.GetStringAsync("/access-denied"));

        using var signOut = await here.PostAsync("/signout", Form(("__RequestVerificationToken", token)));

        Assert.Equal("/signin", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await here.GetAsync("/api/kpis?ids=orders")).StatusCode);
        // The other browser's cookie fails its next stamp check (every second on this server).
        await WaitUntilRefusedAsync(elsewhere);
        Assert.Equal(1L, await server.ScalarAsync<long>("SELECT COUNT(*) FROM app_audit WHERE action = 'sign-out' AND actor = 'twin'"));
    }

    [Fact]
    public async Task A_disabled_user_is_refused_and_cannot_sign_in_again()
    {
        var user = await NewUserAsync("leaver");
        using var client = await server.CreateClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/kpis?ids=orders")).StatusCode);

        await using (var scope = server.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdministration>().DisableAsync(user.Name, "tests")).Succeeded);
        }

        await WaitUntilRefusedAsync(client);
        using var fresh = server.CreateAnonymousClient();
        using var signIn = await TestSignIn.PostAsync(fresh, user.Name, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the form again: disabled accounts do not sign in
        Assert.Equal(1L, await server.ScalarAsync<long>("SELECT COUNT(*) FROM app_audit WHERE action = 'sign-in-failed' AND actor = 'leaver' AND detail = 'account disabled'"));
    }

    [Fact]
    public async Task The_last_enabled_admin_cannot_be_disabled_or_demoted()
    {
        await server.WaitUntilReadyAsync();
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var disable = await users.DisableAsync("admin", "tests");
        var demote = await users.SetRoleAsync("admin", Roles.Analyst, CrmInsight.Domain.Filters.IdSet.Empty, "tests");

        Assert.Contains("last enabled admin", Assert.Single(disable.Errors), StringComparison.Ordinal);
        Assert.Contains("last enabled admin", Assert.Single(demote.Errors), StringComparison.Ordinal);
    }

    /// <summary>Polls (a condition, not a fixed wait) until the client's sign-in is refused; the server re-checks every second.</summary>
    private static async Task WaitUntilRefusedAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync("/api/kpis?ids=orders")).StatusCode;
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline && await Task.Delay(100).ContinueWith(_ => true));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
