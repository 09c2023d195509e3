namespace CrmInsight.Web.Components.Account;

/// <summary>The sign-in form's fields.</summary>
public sealed class SignInInput
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool Remember { get; set; }
}
