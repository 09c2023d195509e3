using CrmInsight.Web.Hosting;

namespace CrmInsight.Web.Security;

/// <summary>
/// Ends the open screens (Blazor circuits) of a user or key at once: signing out, disabling a
/// user, changing their role or teams, or revoking a key calls <see cref="End"/>, and every
/// circuit of that principal drops to signed-out without waiting for its next revalidation.
/// Principals are named by their NameIdentifier claim (a user id, or "key:ID").
/// </summary>
public sealed class UserSessions
{
    private readonly Listeners<Action<string>> _circuits = new();

    /// <summary>How many circuits listen (for tests: circuits that ended stop listening).</summary>
    public int Listening => _circuits.Count;

    public IDisposable Subscribe(Action<string> onEnded) => _circuits.Add(onEnded);

    public void End(string principalId)
    {
        foreach (var circuit in _circuits.Snapshot())
        {
            circuit(principalId);
        }
    }

    public static string KeyPrincipalId(int keyId) => $"key:{keyId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
