namespace CrmInsight.Web.Components.Shared;

/// <summary>
/// What a page still has to draw for its current data: the page's own load, and each chart and
/// grid between being given new data and having it on screen. <see cref="PageState"/> shows it
/// as the page root's <c>data-state</c> ("loading" while anything is pending, "ready" once
/// nothing is). One per page; the parts find it as a cascading value. Used on the circuit's
/// dispatcher only, so it needs no lock.
/// </summary>
public sealed class DrawTracker
{
    private readonly HashSet<object> _pending = new(ReferenceEqualityComparer.Instance);

    /// <summary>Raised when a part starts or finishes (on the dispatcher).</summary>
    public event Action? Changed;

    public bool IsReady => _pending.Count == 0;

    /// <summary>
    /// The address whose data the page is drawing (set right after the page's load
    /// <see cref="Begin"/>s), so a test can tell "ready" for this address from "ready" for the last.
    /// </summary>
    public string? Location
    {
        get;
        set
        {
            if (field != value)
            {
                field = value;
                Changed?.Invoke();
            }
        }
    }

    /// <summary>The part has new data to show (again): the page is loading until it <see cref="End"/>s.</summary>
    public void Begin(object part)
    {
        if (_pending.Add(part))
        {
            Changed?.Invoke();
        }
    }

    /// <summary>The part shows its latest data, or has gone.</summary>
    public void End(object part)
    {
        if (_pending.Remove(part))
        {
            Changed?.Invoke();
        }
    }
}
