using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace CrmInsight.Benchmarks;

/// <summary>
/// Where a navigation's time goes, seen from the page (for <c>browser --trace</c>): milliseconds
/// since the navigation started for the document's arrival, DOMContentLoaded, the circuit's
/// WebSocket (created, open, first message), plotly's script defined, the first chart drawn and
/// each <c>data-state</c> change of the page root, and every script, style sheet and request the
/// page loaded with its start, end and bytes over the wire (0 bytes: from the browser's cache).
/// </summary>
internal static class BrowserTrace
{
    // Runs in each document before its own scripts.
    private const string InitScript = """
        (() => {
          const marks = window.__crmTrace = [];
          const mark = name => marks.push([name, performance.now()]);
          const Ws = window.WebSocket;
          window.WebSocket = function (...args) {
            mark('websocket created');
            const socket = new Ws(...args);
            socket.addEventListener('open', () => mark('websocket open'));
            let first = true;
            socket.addEventListener('message', () => { if (first) { first = false; mark('websocket first message'); } });
            return socket;
          };
          window.WebSocket.prototype = Ws.prototype;
          Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
          // plotly's draws: how many, and the time spent in them before they return (their synchronous part).
          const plots = window.__crmPlots = { newPlot: [0, 0], react: [0, 0] };
          const timed = (name, fn) => function (...args) {
            const t = performance.now();
            try { return fn.apply(this, args); } finally { plots[name][0]++; plots[name][1] += performance.now() - t; }
          };
          let plotly;
          Object.defineProperty(window, 'Plotly', { configurable: true, get: () => plotly, set: v => {
            if (!plotly) { mark('plotly defined'); }
            plotly = v;
            if (v && v.newPlot && !v.__crmTimed) { v.__crmTimed = true; v.newPlot = timed('newPlot', v.newPlot); v.react = timed('react', v.react); }
          } });
          // Main-thread work of 50 ms and more, summed.
          const longTasks = window.__crmLong = [0, 0];
          try { new PerformanceObserver(list => { for (const e of list.getEntries()) { longTasks[0]++; longTasks[1] += e.duration; marks.push(['main thread busy for ' + Math.round(e.duration) + ' ms from here', e.startTime]); } }).observe({ type: 'longtask', buffered: true }); } catch { }
          document.addEventListener('DOMContentLoaded', () => mark('DOMContentLoaded'));
          const append = Element.prototype.appendChild;
          Element.prototype.appendChild = function (node) {
            if (node instanceof HTMLScriptElement && node.src.includes('plotly-3')) {
              mark('plotly script added' + (node.id ? ' (' + node.id + ')' : ''));
              node.addEventListener('load', () => mark('plotly script loaded' + (node.id ? ' (' + node.id + ')' : '')));
            }
            return append.call(this, node);
          };
          let last = null, chart = false, tile = false, row = false;
          new MutationObserver(() => {
            const root = document.querySelector('.page-state');
            const state = root ? root.dataset.state : 'no root';
            if (state !== last) { last = state; mark('data-state ' + state); }
            if (!chart && document.querySelector('.main-svg')) { chart = true; mark('first chart drawn'); }
            if (!tile && document.querySelector('[data-testid^=kpi-value-]')) { tile = true; mark('first tile value shown'); }
            if (!row && document.querySelector('.page-state tbody tr')) { row = true; mark('first grid row shown'); }
          }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'], characterData: true });
        })();
        """;

    public static Task AttachAsync(IBrowserContext context) => context.AddInitScriptAsync(InitScript);

    public static async Task<string> ReportAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => ({
              marks: window.__crmTrace || [],
              plots: window.__crmPlots || {},
              longTasks: window.__crmLong || [0, 0],
              nav: performance.getEntriesByType('navigation').map(e => ({ responseStart: e.responseStart, responseEnd: e.responseEnd, domInteractive: e.domInteractive })),
              resources: performance.getEntriesByType('resource').map(e => ({ name: e.name, start: e.startTime, end: e.responseEnd, bytes: e.transferSize, body: e.decodedBodySize }))
            })
            """);
        var text = new StringBuilder();
        var nav = json.GetProperty("nav");
        if (nav.GetArrayLength() > 0)
        {
            var n = nav[0];
            text.Append(CultureInfo.InvariantCulture, $"    {n.GetProperty("responseStart").GetDouble(),7:F0}  document first byte\n");
            text.Append(CultureInfo.InvariantCulture, $"    {n.GetProperty("responseEnd").GetDouble(),7:F0}  document received\n");
            text.Append(CultureInfo.InvariantCulture, $"    {n.GetProperty("domInteractive").GetDouble(),7:F0}  document parsed (scripts run)\n");
        }
        foreach (var m in json.GetProperty("marks").EnumerateArray().OrderBy(m => m[1].GetDouble()))
        {
            text.Append(CultureInfo.InvariantCulture, $"    {m[1].GetDouble(),7:F0}  {m[0].GetString()}\n");
        }
        var plots = json.GetProperty("plots");
        foreach (var kind in new[] { "newPlot", "react" })
        {
            if (plots.TryGetProperty(kind, out var p))
            {
                text.Append(CultureInfo.InvariantCulture, $"    Plotly.{kind}: {p[0].GetInt32()} calls, {p[1].GetDouble():F0} ms in them\n");
            }
        }
        var longTasks = json.GetProperty("longTasks");
        text.Append(CultureInfo.InvariantCulture, $"    main thread busy ≥ 50 ms at a time: {longTasks[0].GetInt32()} times, {longTasks[1].GetDouble():F0} ms\n");
        foreach (var r in json.GetProperty("resources").EnumerateArray().OrderBy(r => r.GetProperty("start").GetDouble()))
        {
            var name = r.GetProperty("name").GetString()!;
            var path = Uri.TryCreate(name, UriKind.Absolute, out var uri) ? uri.PathAndQuery : name;
            text.Append(CultureInfo.InvariantCulture,
                $"    {r.GetProperty("start").GetDouble(),7:F0} → {r.GetProperty("end").GetDouble(),5:F0}  {path} ({r.GetProperty("bytes").GetInt64() / 1024.0:F0} KB over the wire, {r.GetProperty("body").GetInt64() / 1024.0:F0} KB)\n");
        }
        return text.ToString();
    }
}
