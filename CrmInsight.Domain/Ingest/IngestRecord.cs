namespace CrmInsight.Domain.Ingest;

/// <summary>
/// One record of a request as text per field: <paramref name="Number"/> is its position in a
/// JSON array (1-based) or its line in a CSV file, so problems point at what the sender wrote.
/// </summary>
public sealed record IngestRecord(int Number, IReadOnlyDictionary<string, string?> Fields);

/// <summary>Why a record (or the whole request, record 0) was refused.</summary>
public sealed record IngestProblem(int Record, string? Field, string Message);

/// <summary>What a successful request wrote.</summary>
public sealed record IngestResult(IngestKind Kind, int Records, int Replaced, int CustomersCreated, long DataVersion);

/// <summary>A request refused whole: nothing was written.</summary>
public sealed class IngestRejectedException(IReadOnlyList<IngestProblem> problems, bool outsideScope = false)
    : Exception($"The request was refused: {problems.Count} problem(s); nothing was written.")
{
    public IReadOnlyList<IngestProblem> Problems { get; } = problems;

    /// <summary>Some record belongs to a team the writer may not write for (a 403, not a 400).</summary>
    public bool OutsideScope { get; } = outsideScope;
}
