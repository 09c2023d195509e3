namespace CrmInsight.Web.Hosting;

public enum DatabaseState
{
    Starting,
    Ready,
    Failed,
}

/// <summary>
/// Whether the database is open and any first-start data is loaded. Pages show the progress
/// until then, the API and /healthz answer 503.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly Lock _lock = new();
    private readonly Listeners<Action> _listeners = new();

    public DatabaseState State { get; private set; } = DatabaseState.Starting;

    /// <summary>What is happening (progress while starting, the reason when failed).</summary>
    public string Message { get; private set; } = "Opening the database";

    public bool IsReady => State == DatabaseState.Ready;

    public void Report(string message) => Set(DatabaseState.Starting, message);

    public void MarkReady() => Set(DatabaseState.Ready, "Ready");

    public void Fail(string message) => Set(DatabaseState.Failed, message);

    /// <summary>Calls <paramref name="onChange"/> after every change until the subscription is disposed.</summary>
    public IDisposable Subscribe(Action onChange) => _listeners.Add(onChange);

    private void Set(DatabaseState state, string message)
    {
        lock (_lock)
        {
            State = state;
            Message = message;
        }
        foreach (var listener in _listeners.Snapshot())
        {
            listener();
        }
    }
}
