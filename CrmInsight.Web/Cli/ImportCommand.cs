using System.Globalization;
using CrmInsight.Domain;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Cli;

/// <summary>
/// <c>import order-lines|customers|tickets|surveys FILE --map field=COL,… [--database PATH]
/// [--date-format FMT] [--culture NAME] [--strict]</c>: one file, one transaction, through the
/// same <see cref="ImportService"/> as the Import page and the ingest API.
/// </summary>
public static class ImportCommand
{
    public const string Usage = """
        Usage: dotnet run --project CrmInsight.Web -- import KIND FILE --map field=COLUMN,... [--database PATH] [--date-format FMT] [--culture NAME] [--strict]

          KIND is order-lines, customers, tickets or surveys. --map names the CSV column of each field:
            order-lines  order, customer, date, quantity, price or amount (required); product, category, region, channel, rep, cost
            customers    id (required); name, region, segment, email, phone, acquired
            tickets      id, submitted (required); customer, category, channel, first-response, resolved, complaint
            surveys      id, date (required); customer, csat, rating, recommend (at least one)
          Without --database it writes to the configured database (Storage:DuckDbPath); a path that does
          not exist becomes a new empty database. Dates are ISO (yyyy-MM-dd [HH:mm[:ss]]) or --date-format
          (.NET formats, e.g. "M/d/yyyy H:mm|M/d/yyyy"); numbers use '.' unless --culture says otherwise (de-DE).
          --strict refuses the whole file when any line is rejected.
        """;

    private static readonly string[] Known = ["map", "database", "date-format", "culture", "strict"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time)
    {
        if (args.Length < 2 || !ImportKinds.TryParse(args[0], out var kind))
        {
            await error.WriteLineAsync(args.Length == 0 ? "import needs a KIND and a FILE." : $"Unknown import kind '{args[0]}'.");
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var file = args[1];
        if (!TryParseOptions(args[2..], out var options, out var problem))
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var (mapping, errors) = ColumnMapping.Parse(kind, options.GetValueOrDefault("map"));
        if (mapping is null)
        {
            foreach (var message in options.ContainsKey("map") ? errors : ["--map is required."])
            {
                await error.WriteLineAsync(message);
            }
            await error.WriteLineAsync(Usage);
            return 2;
        }
        CultureInfo culture = CultureInfo.InvariantCulture;
        if (options.TryGetValue("culture", out var cultureName))
        {
            try
            {
                culture = CultureInfo.GetCultureInfo(cultureName, predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
                await error.WriteLineAsync($"--culture '{cultureName}' is not a known culture (try en-US, de-DE, fr-FR, zh-CN).");
                return 2;
            }
        }
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"The file {Path.GetFullPath(file)} does not exist.");
            return 1;
        }

        var builder = Host.CreateApplicationBuilder([]);
        builder.Services.AddCrmInsightOptions(builder.Configuration);
        using var host = builder.Build();
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (options.TryGetValue("database", out var databasePath))
        {
            storage = new StorageOptions { DuckDbPath = Path.GetFullPath(databasePath), DuckDbMemoryLimit = storage.DuckDbMemoryLimit, DuckDbThreads = storage.DuckDbThreads };
        }
        if (storage.Provider != StorageProvider.DuckDb)
        {
            await error.WriteLineAsync("Import writes to the embedded DuckDB database only; the configured provider is SQL Server. Give --database PATH for a DuckDB file.");
            return 1;
        }
        await using var database = CrmInsightServices.OpenDatabase(storage, builder.Environment.ContentRootPath);
        try
        {
            if (database is DuckDbDatabase duck && !duck.FileExists)
            {
                await output.WriteLineAsync($"{duck.FilePath} does not exist: creating an empty database (schema, no demo data).");
                await DuckDbFileCreator.CreateAsync(duck.FilePath, null, time);
            }
            await SchemaInstaller.InstallAsync(database, SqlCatalog.Default);
        }
        catch (DatabaseLockedException ex)
        {
            await error.WriteLineAsync(
                $"The database {ex.FilePath} is open in another process — most likely the dashboard is running on it. " +
                "DuckDB lets one process hold a file: import through the dashboard's Import page (/import) instead, or stop the dashboard and run this command again.");
            return 1;
        }

        // The Domain as every host registers it, on this database.
        await using var services = new ServiceCollection().AddSingleton(time).AddCrmInsightDomain(_ => database).BuildServiceProvider();
        var service = services.GetRequiredService<ImportService>();
        var settings = new ImportSettings(mapping)
        {
            DateFormat = options.GetValueOrDefault("date-format"),
            Culture = culture,
            Strict = options.ContainsKey("strict"),
            MaxListedRejections = 20,
            Csv = host.Services.GetRequiredService<IOptions<CsvLimits>>().Value,
        };
        await output.WriteLineAsync($"Importing {kind.CommandName()} from {Path.GetFullPath(file)} into {database.Description}");
        ImportSummary summary;
        try
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            summary = await service.ImportAsync(kind, stream, settings, new ConsoleProgress(output));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"The file {Path.GetFullPath(file)} could not be read: {ex.Message}. Nothing was written.");
            return 1;
        }
        await ImportSummaryText.WriteAsync(summary, output);
        await services.GetRequiredService<AuditLog>().WriteAsync(AuditLog.CommandLineActor, AuditActions.Import, Path.GetFileName(file), summary.Describe());
        return summary.Succeeded ? 0 : 1;
    }

    private static bool TryParseOptions(string[] args, out Dictionary<string, string> options, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : "";
            if (!Known.Contains(name))
            {
                problem = $"Unknown argument '{args[i]}'.";
                return false;
            }
            if (name == "strict")
            {
                options[name] = "true";
                continue;
            }
            if (i + 1 >= args.Length)
            {
                problem = $"--{name} needs a value.";
                return false;
            }
            options[name] = args[++i];
        }
        return true;
    }

    /// <summary>Writes progress on the importing thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class ConsoleProgress(TextWriter output) : IProgress<ImportProgress>
    {
        private long _lastReported;

        public void Report(ImportProgress value)
        {
            if (value.Stage == "writing")
            {
                output.WriteLine($"  writing {value.LinesRead:N0} lines in one transaction…");
                return;
            }
            if (value.LinesRead - _lastReported < 100_000)
            {
                return;
            }
            _lastReported = value.LinesRead;
            output.WriteLine(value.Fraction is { } fraction
                ? $"  read {value.LinesRead:N0} lines ({fraction:P0})"
                : $"  read {value.LinesRead:N0} lines");
        }
    }
}
