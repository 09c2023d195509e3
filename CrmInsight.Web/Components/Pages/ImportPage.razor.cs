using System.Globalization;
using System.Text;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace CrmInsight.Web.Components.Pages;

/// <summary>
/// Upload a CSV, map its columns (guessed from the header), check a preview by the import's own
/// rules, then import it in one transaction through <see cref="ImportService"/> with progress and
/// the same summary as the command line. The file is streamed from the browser twice (a few KB
/// for the preview, then once through), never held whole.
/// </summary>
public sealed partial class ImportPage : IDisposable
{
    public const long MaxFileBytes = 200L * 1024 * 1024;

    private readonly CancellationTokenSource _disposed = new();
    private IDisposable? _readinessSubscription;
    private IBrowserFile? _file;
    private ImportPreview? _preview;
    private string? _fileError;
    private Dictionary<string, string?> _columns = [];
    private IReadOnlyList<PreviewLine> _previewLines = [];
    private IReadOnlyList<string> _errors = [];
    private ImportProgress? _progress;
    private ImportSummary? _summary;
    private bool _importing;
    private DateTime _lastRender;

    [Inject] private ImportService Importer { get; set; } = null!;
    [Inject] private DatabaseReadiness Readiness { get; set; } = null!;
    [Inject] private AuditLog Audit { get; set; } = null!;
    [Inject] private Live.DataChangeMonitor Monitor { get; set; } = null!;
    [Inject] private Microsoft.Extensions.Options.IOptions<CsvLimits> CsvLimits { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    private ImportKind Kind { get; set; } = ImportKind.OrderLines;

    private string? DateFormat { get; set; }

    private string? CultureName { get; set; }

    private bool Strict { get; set; }

    private bool CanImport => _file is not null && _preview is not null && _errors.Count == 0 && !_importing;

    protected override void OnInitialized() =>
        _readinessSubscription = Readiness.Subscribe(() => _ = InvokeAsync(StateHasChanged));

    public void Dispose()
    {
        _readinessSubscription?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task OnFileChosen(InputFileChangeEventArgs e)
    {
        _file = e.File;
        _summary = null;
        _preview = null;
        _fileError = null;
        if (_file.Size > MaxFileBytes)
        {
            _fileError = string.Format(CultureInfo.CurrentCulture, L["The file is {0:N0} MB; the limit is {1:N0} MB."], _file.Size / 1024 / 1024, MaxFileBytes / 1024 / 1024);
            _file = null;
            return;
        }
        try
        {
            await using var stream = _file.OpenReadStream(MaxFileBytes, _disposed.Token);
            _preview = await Task.Run(() => ImportPreview.Read(stream, limits: CsvLimits.Value));
        }
        catch (Exception ex) when (ex is FormatException or IOException or DecoderFallbackException)
        {
            _fileError = ex.Message;
            _file = null;
            return;
        }
        _columns = new Dictionary<string, string?>(ColumnMapping.Guess(Kind, _preview.Header), StringComparer.OrdinalIgnoreCase);
        Check();
    }

    private void OnKindChanged(ImportKind kind)
    {
        Kind = kind;
        _summary = null;
        if (_preview is not null)
        {
            _columns = new Dictionary<string, string?>(ColumnMapping.Guess(Kind, _preview.Header), StringComparer.OrdinalIgnoreCase);
            Check();
        }
    }

    private void OnColumnChanged(string field, string? column)
    {
        _columns[field] = string.IsNullOrEmpty(column) ? null : column;
        Check();
    }

    private void OnOptionsChanged() => Check();

    /// <summary>The validation report: mapping problems, then the preview lines by the import's rules.</summary>
    private void Check()
    {
        _previewLines = [];
        if (_preview is null)
        {
            _errors = [];
            return;
        }
        var (settings, errors) = Settings();
        if (settings is null)
        {
            _errors = errors;
            return;
        }
        var (lines, resolveErrors) = _preview.Check(Kind, settings);
        _previewLines = lines;
        _errors = resolveErrors;
    }

    private (ImportSettings? Settings, IReadOnlyList<string> Errors) Settings()
    {
        var (mapping, errors) = ColumnMapping.From(Kind, _columns);
        var problems = errors.ToList();
        var culture = CultureInfo.InvariantCulture;
        if (!string.IsNullOrWhiteSpace(CultureName))
        {
            try
            {
                culture = CultureInfo.GetCultureInfo(CultureName.Trim(), predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
                problems.Add(string.Format(CultureInfo.CurrentCulture, L["'{0}' is not a known culture (try en-US, de-DE, fr-FR, zh-CN)."], CultureName));
            }
        }
        if (mapping is null || problems.Count > 0)
        {
            return (null, problems);
        }
        return (new ImportSettings(mapping)
        {
            DateFormat = string.IsNullOrWhiteSpace(DateFormat) ? null : DateFormat.Trim(),
            Culture = culture,
            Strict = Strict,
            MaxListedRejections = 200,
            TotalBytes = _file?.Size,
            Csv = CsvLimits.Value,
        }, []);
    }

    private async Task ImportAsync()
    {
        var (settings, _) = Settings();
        if (settings is null || _file is null)
        {
            return;
        }
        _importing = true;
        _summary = null;
        _progress = new ImportProgress("reading", 0, 0, _file.Size);
        try
        {
            await using var stream = _file.OpenReadStream(MaxFileBytes, _disposed.Token);
            _summary = await Importer.ImportAsync(Kind, stream, settings, new PageProgress(this), _disposed.Token);
            await Audit.WriteAsync((await AuthenticationState).User.Identity?.Name ?? "?", AuditActions.Import, _file.Name, _summary.Describe());
            // Open pages and walls show the import now, as after an ingest, not at the next poll.
            await Monitor.RefreshAsync(_disposed.Token);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            return;
        }
        catch (IOException ex)
        {
            _summary = new ImportSummary { Kind = Kind, FatalError = string.Format(CultureInfo.CurrentCulture, L["The upload was interrupted: {0}"], ex.Message) };
        }
        finally
        {
            _importing = false;
        }
    }

    private void Report(ImportProgress progress)
    {
        _progress = progress;
        // A redraw per report would flood the circuit; four a second is smooth enough.
        if (DateTime.UtcNow - _lastRender > TimeSpan.FromMilliseconds(250) || progress.Stage == "writing")
        {
            _lastRender = DateTime.UtcNow;
            _ = InvokeAsync(StateHasChanged);
        }
    }

    /// <summary>
    /// Rejection reasons come from the import rules in English (the command line and the API show
    /// them as they are); the page shows the translation when there is one.
    /// </summary>
    private string Reason(string reason) => L[reason];

    private string KindLabel(ImportKind kind) => kind switch
    {
        ImportKind.OrderLines => L["Order lines"],
        ImportKind.Customers => L["Customers"],
        ImportKind.Tickets => L["Tickets"],
        _ => L["Surveys"],
    };

    private sealed class PageProgress(ImportPage page) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => page.Report(value);
    }
}
