using System.Security.Cryptography;

namespace CrmInsight.Web.Security;

/// <summary>What a user name may hold, and the passwords the app generates.</summary>
public static class UserNames
{
    public const string AllowedCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";

    public const int MaxLength = 100;

    // No look-alikes (0/O, 1/l/I), so a password read off a screen is typed right.
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A random password of 20 characters from 56 (about 116 bits).</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 20);
}
