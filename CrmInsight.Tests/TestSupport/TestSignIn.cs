using System.Net;
using System.Text.RegularExpressions;

namespace CrmInsight.Tests.TestSupport;

/// <summary>Signs a client in through the real /signin form: reads its antiforgery token, posts the name and password.</summary>
public static partial class TestSignIn
{
    /// <summary>
    /// Signs <paramref name="client"/> (which must keep cookies) in as <paramref name="user"/>. A
    /// successful sign-in redirects away from /signin: seen as the 302 itself, or — by a client
    /// that follows redirects (the Kestrel servers' clients do) — as a page that is not /signin.
    /// </summary>
    public static async Task SignInAsync(HttpClient client, TestUser user, string password = TestUsers.Password)
    {
        using var response = await PostAsync(client, user.Name, password);
        var landed = response.RequestMessage?.RequestUri?.AbsolutePath;
        var signedIn = response.StatusCode == HttpStatusCode.Redirect
            || (response.StatusCode == HttpStatusCode.OK && landed is not null && !landed.StartsWith("/signin", StringComparison.Ordinal));
        Assert.True(signedIn, $"signing in as {user.Name} answered {(int)response.StatusCode} at {landed}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Posts the sign-in form and returns the answer, whatever it is.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var form = await client.GetStringAsync("/signin");
        var token = AntiforgeryToken(form);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(returnUrl is null ? "/signin" : $"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}", content);
    }

    /// <summary>The antiforgery token a rendered page carries (its first hidden __RequestVerificationToken).</summary>
    public static string AntiforgeryToken(string html) =>
        TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
