using CrmInsight.Domain.Import;

namespace CrmInsight.Web.Cli;

/// <summary>The import summary as the command prints it.</summary>
public static class ImportSummaryText
{
    public static async Task WriteAsync(ImportSummary summary, TextWriter output)
    {
        var written = summary.Kind == ImportKind.OrderLines ? "orders created" : "records written";
        await output.WriteLineAsync(
            $"Lines read: {summary.LinesRead:N0}; imported: {summary.Imported:N0}; rejected: {summary.Rejected:N0}; " +
            $"{written}: {summary.RecordsWritten:N0}" +
            (summary.Kind == ImportKind.OrderLines ? $"; returned lines: {summary.ReturnLines:N0}" : "") +
            $"; customers created: {summary.CustomersCreated:N0}; time: {summary.Elapsed.TotalSeconds:F1} s.");
        foreach (var (reason, count) in summary.RejectedByReason)
        {
            await output.WriteLineAsync($"  rejected, {reason}: {count:N0}");
        }
        foreach (var line in summary.RejectedLines)
        {
            await output.WriteLineAsync(line.Value is null ? $"  line {line.Line}: {line.Reason}" : $"  line {line.Line}: {line.Reason} ('{line.Value}')");
        }
        if (summary.Rejected > summary.RejectedLines.Count)
        {
            await output.WriteLineAsync($"  … and {summary.Rejected - summary.RejectedLines.Count:N0} more rejected lines.");
        }
        await output.WriteLineAsync(summary.FatalError is { } fatal
            ? $"Nothing was written: {fatal}" + (summary.FatalDetail is { } detail ? $" ({detail})" : "")
            : $"Done: one transaction, data version {summary.DataVersion}.");
    }
}
