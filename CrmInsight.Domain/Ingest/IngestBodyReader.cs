using System.Text.Json;
using CrmInsight.Domain.Import;

namespace CrmInsight.Domain.Ingest;

/// <summary>
/// Turns a request body — a JSON array of flat objects or a CSV file with a header line —
/// into records of text fields. Field names match without regard to case, '_' or '-', so
/// <c>firstResponse</c>, <c>first_response</c> and <c>First-Response</c> are one field.
/// </summary>
public static class IngestBodyReader
{
    public static string NormalizeName(string name) =>
        new([.. name.Where(c => c is not ('_' or '-' or ' ')).Select(char.ToLowerInvariant)]);

    public static async Task<IReadOnlyList<IngestRecord>> ReadJsonAsync(Stream body, int maxRecords, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, new JsonDocumentOptions { MaxDepth = 4 }, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw Refused($"The body is not valid JSON: {ex.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw Refused("The body must be a JSON array of records, e.g. [{\"id\": \"SO-1\", ...}].");
            }
            var records = new List<IngestRecord>();
            var problems = new List<IngestProblem>();
            var number = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                number++;
                if (number > maxRecords)
                {
                    throw Refused($"A request holds at most {maxRecords} records; send the rest in another request.");
                }
                if (element.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new IngestProblem(number, null, "A record must be a JSON object."));
                    continue;
                }
                var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var name = NormalizeName(property.Name);
                    switch (property.Value.ValueKind)
                    {
                        case JsonValueKind.String:
                            fields[name] = property.Value.GetString();
                            break;
                        case JsonValueKind.Number:
                            fields[name] = property.Value.GetRawText();
                            break;
                        case JsonValueKind.True or JsonValueKind.False:
                            fields[name] = property.Value.GetRawText();
                            break;
                        case JsonValueKind.Null:
                            fields[name] = null;
                            break;
                        default:
                            problems.Add(new IngestProblem(number, property.Name, "Must be a string, number, true/false or null, not an object or array."));
                            break;
                    }
                }
                records.Add(new IngestRecord(number, fields));
            }
            if (problems.Count > 0)
            {
                throw new IngestRejectedException(problems);
            }
            return records;
        }
    }

    /// <summary>CSV per RFC 4180 through the import's reader: a header line, quoted fields may hold commas, quotes ("") and line breaks; a UTF-8 BOM is skipped.</summary>
    public static async Task<IReadOnlyList<IngestRecord>> ReadCsvAsync(Stream body, int maxRecords, CsvLimits? limits, CancellationToken cancellationToken)
    {
        // A request body allows only asynchronous reads and the reader is synchronous; the body is
        // bounded (Ingest:MaxBodyBytes), so it is buffered first.
        using var buffered = new MemoryStream();
        await body.CopyToAsync(buffered, cancellationToken);
        buffered.Position = 0;
        using var csv = new CsvRecordReader(buffered, limits);
        try
        {
            var header = csv.Read()?.Select(NormalizeName).ToArray()
                ?? throw Refused("The CSV body is empty: it needs a header line and at least one record.");
            var duplicate = header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw Refused($"The CSV header names the column '{duplicate.Key}' twice.");
            }
            var records = new List<IngestRecord>();
            var problems = new List<IngestProblem>();
            while (csv.Read() is { } row)
            {
                var line = (int)Math.Min(csv.RecordLine, int.MaxValue);
                if (records.Count + problems.Count >= maxRecords)
                {
                    throw Refused($"A request holds at most {maxRecords} records; send the rest in another request.");
                }
                if (row.Length != header.Length)
                {
                    problems.Add(new IngestProblem(line, null, $"Has {row.Length} fields; the header has {header.Length}."));
                    continue;
                }
                var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    fields[header[i]] = row[i].Length == 0 ? null : row[i];
                }
                records.Add(new IngestRecord(line, fields));
            }
            if (problems.Count > 0)
            {
                throw new IngestRejectedException(problems);
            }
            return records;
        }
        catch (FormatException ex)
        {
            throw Refused(ex.Message);
        }
    }

    private static IngestRejectedException Refused(string message) => new([new IngestProblem(0, null, message)]);
}
