using System.Diagnostics;
using System.Text;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// A real process of the app (the web executable built next to the tests, or a published one)
/// with its output collected, for the tests that need a second process, a kill or a restart.
/// Disposing kills what is still running.
/// </summary>
public sealed partial class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _lock = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];

    private ChildProcess(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The web executable of this build (CrmInsight.Web.dll beside the tests).</summary>
    public static string WebAssembly => typeof(CrmInsight.Web.Cli.CommandLine).Assembly.Location;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_lock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet <paramref name="assembly"/> args…</c> with the given environment (Production unless set).</summary>
    public static ChildProcess StartDotnet(string assembly, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(assembly)! };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        return new ChildProcess(start);
    }

    /// <summary>Starts any program (e.g. <c>dotnet publish</c>).</summary>
    public static ChildProcess Start(string program, IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return new ChildProcess(start);
    }

    /// <summary>Completes when the output holds <paramref name="text"/>; false on timeout or when the process ended without it.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        TaskCompletionSource seen;
        lock (_lock)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
            seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((text, seen));
        }
        var exited = _process.WaitForExitAsync();
        var finished = await Task.WhenAny(seen.Task, exited, Task.Delay(timeout));
        return finished == seen.Task || Output.Contains(text, StringComparison.Ordinal);
    }

    /// <summary>
    /// For the web app started with <c>--urls http://127.0.0.1:0</c>: the address it reports once
    /// listening, after <c>/healthz</c> answers 200 (its database is open and loaded).
    /// </summary>
    public async Task<Uri> WaitUntilServingAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        Assert.True(await WaitForOutputAsync("Now listening on: ", timeout), "the app did not start:\n" + Output);
        var address = new Uri(ListeningOn().Match(Output).Groups[1].Value);
        using var client = new HttpClient { BaseAddress = address };
        while ((await client.GetAsync("/healthz")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline && !_process.HasExited, "the app never became ready:\n" + Output);
            await Task.Delay(200); // polling the app's own readiness probe, as a load balancer does
        }
        return address;
    }

    /// <summary>The exit code, or null when it did not end within <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL: the process gets no chance to clean up (as in a crash or a power cut).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        _process.Dispose();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial System.Text.RegularExpressions.Regex ListeningOn();

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lock)
        {
            _output.AppendLine(line);
            var text = _output.ToString();
            foreach (var wait in _waits.Where(w => text.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                wait.Seen.TrySetResult();
                _waits.Remove(wait);
            }
        }
    }
}
