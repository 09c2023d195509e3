namespace CrmInsight.Domain.Import;

/// <summary>A line that was not imported, with the file line it starts on (the header is line 1).</summary>
public sealed record RejectedLine(long Line, string Reason, string? Value);

/// <summary>What one import did. <see cref="FatalError"/> set means nothing was written.</summary>
public sealed record ImportSummary
{
    public required ImportKind Kind { get; init; }

    /// <summary>Data lines read (the header not counted).</summary>
    public long LinesRead { get; init; }

    public long Imported { get; init; }

    public long Rejected { get; init; }

    /// <summary>The first rejected lines (up to <see cref="ImportSettings.MaxListedRejections"/>), in file order.</summary>
    public IReadOnlyList<RejectedLine> RejectedLines { get; init; } = [];

    /// <summary>Rejected lines counted by reason, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> RejectedByReason { get; init; } = [];

    /// <summary>Sale lines: orders written; customers, tickets, surveys: records written.</summary>
    public long RecordsWritten { get; init; }

    /// <summary>Order lines only: returned lines (their value went to returns).</summary>
    public long ReturnLines { get; init; }

    /// <summary>Customers created because order lines, tickets or surveys named them.</summary>
    public long CustomersCreated { get; init; }

    public TimeSpan Elapsed { get; init; }

    public string? FatalError { get; init; }

    /// <summary>The failure's own text (a database or I/O error) for the log and the command line; pages and the API never show it.</summary>
    public string? FatalDetail { get; init; }

    /// <summary>The database, not the file, failed (the API answers 503: try again later).</summary>
    public bool DatabaseFault { get; init; }

    public bool Succeeded => FatalError is null;

    /// <summary>The data version after the import (unchanged when nothing was written).</summary>
    public long DataVersion { get; init; }

    /// <summary>One line for the audit log.</summary>
    public string Describe() => Succeeded
        ? $"{Kind.CommandName()}: {LinesRead} lines read, {Imported} imported, {Rejected} rejected, {RecordsWritten} records written"
        : $"{Kind.CommandName()}: nothing written ({FatalError})";
}

/// <summary>Progress while reading: lines so far and bytes of the file consumed.</summary>
public sealed record ImportProgress(string Stage, long LinesRead, long BytesRead, long? TotalBytes)
{
    public double? Fraction => TotalBytes is > 0 ? Math.Min(1.0, (double)BytesRead / TotalBytes.Value) : null;
}
