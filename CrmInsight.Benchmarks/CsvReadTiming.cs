using System.Diagnostics;
using CrmInsight.Benchmarks.Baseline;
using CrmInsight.Domain.Import;

namespace CrmInsight.Benchmarks;

/// <summary>
/// Read speed of the import's CSV reader (Sylvan.Data.Csv behind <see cref="CsvRecordReader"/>,
/// with its caps and line numbers) against the hand-written reader it replaced, on the same
/// generated retail export the import benchmark uses: every record read to strings, as the
/// import does, from a file in the page cache. Best of five runs each, alternating.
/// </summary>
internal static class CsvReadTiming
{
    public static Task MeasureAsync(int lines, string folder)
    {
        Console.WriteLine();
        Console.WriteLine($"## CSV read speed, {lines:N0}-line retail export");
        var csv = Path.Combine(folder, $"retail-{lines}.csv");
        if (!File.Exists(csv))
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            ImportTiming.Write(csv, lines, today, [(today.AddDays(-90), today.AddDays(1))]);
        }
        var megabytes = new FileInfo(csv).Length / 1024.0 / 1024.0;
        Console.WriteLine($"file: {megabytes:F1} MB");

        var readers = new (string Name, Func<Stream, (long Records, long LastLine, long Chars)> Read)[]
        {
            ("hand-written (before)", ReadHandWritten),
            ("Sylvan.Data.Csv (CsvRecordReader)", ReadSylvan),
        };
        var best = readers.ToDictionary(r => r.Name, _ => double.MaxValue);
        var checks = new Dictionary<string, (long, long, long)>();
        for (var run = 0; run < 5; run++)
        {
            foreach (var (name, read) in readers)
            {
                GC.Collect();
                var started = Stopwatch.GetTimestamp();
                using (var stream = new FileStream(csv, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
                {
                    checks[name] = read(stream);
                }
                best[name] = Math.Min(best[name], Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }
        foreach (var (name, _) in readers)
        {
            var (records, lastLine, chars) = checks[name];
            Console.WriteLine($"{name}: best {best[name] * 1000:F0} ms, {records / best[name]:N0} records/s, {megabytes / best[name]:F0} MB/s " +
                              $"({records:N0} records, {lastLine - 1:N0} lines, {chars:N0} field characters)");
        }
        var same = checks.Values.Distinct().Count() == 1;
        Console.WriteLine($"both readers return the same records, line numbers and characters: {(same ? "yes" : "NO")}");
        return Task.CompletedTask;
    }

    private static (long, long, long) ReadHandWritten(Stream stream)
    {
        using var reader = new HandWrittenCsvReader(stream);
        return Drain(reader.Read, () => reader.RecordLine);
    }

    private static (long, long, long) ReadSylvan(Stream stream)
    {
        using var reader = new CsvRecordReader(stream);
        return Drain(reader.Read, () => reader.RecordLine);
    }

    private static (long, long, long) Drain(Func<string[]?> read, Func<long> line)
    {
        long records = 0, chars = 0;
        while (read() is { } record)
        {
            records++;
            foreach (var field in record)
            {
                chars += field.Length;
            }
        }
        return (records, line(), chars);
    }
}
