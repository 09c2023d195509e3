using System.Globalization;

namespace CrmInsight.Domain.Import;

/// <summary>How to read one file: the column mapping, how dates and numbers are written, and
/// whether any rejected line refuses the whole file.</summary>
public sealed record ImportSettings(ColumnMapping Mapping)
{
    /// <summary>.NET date formats (<c>dd/MM/yyyy HH:mm</c>, several separated by <c>|</c>) for dates that are not ISO; ISO dates are always read.</summary>
    public string? DateFormat { get; init; }

    /// <summary>The culture numbers (and a custom date format) are written in; invariant (<c>.</c> decimals) by default.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Any rejected line is fatal: nothing is written.</summary>
    public bool Strict { get; init; }

    /// <summary>How many rejected lines the summary lists one by one (all are counted by reason).</summary>
    public int MaxListedRejections { get; init; } = 1000;

    /// <summary>The longest field and record the CSV reader accepts.</summary>
    public CsvLimits Csv { get; init; } = CsvLimits.Default;

    /// <summary>The most data lines a file may hold (null: no limit); more is a fatal problem. The ingest API's <c>Ingest:MaxRecords</c>.</summary>
    public long? MaxLines { get; init; }

    /// <summary>The file's size when the stream cannot tell (an upload), for the progress fraction.</summary>
    public long? TotalBytes { get; init; }
}
