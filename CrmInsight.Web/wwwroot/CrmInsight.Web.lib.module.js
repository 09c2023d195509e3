// Blazor's JS initializer for this app (found by its name, {assembly}.lib.module.js).
//
// plotly.js is a large script that takes a hundred milliseconds or more to run. Plotly.Blazor adds it
// only when the first chart asks to be drawn: after the circuit has started, the page has read
// its data and rendered, so every navigation waited for it on top of everything else, and under
// an address the browser must check with the server each time (no-cache). It starts here
// instead, as soon as the circuit is up, from the fingerprinted address App.razor preloads (kept
// for good), and runs while the server renders the page (the browser is idle then). When
// Plotly.Blazor then adds its own script tag (id "plotly-import", its own address), that tag
// stands for the one already loading rather than running plotly twice. The script is the cartesian
// bundle (App.razor), of the same plotly version as Plotly.Blazor's full one.
const plotlyBlazorPath = './_content/Plotly.Blazor/plotly-3.7.0.min.js';
const plotlyPath = './lib/plotly/plotly-cartesian-3.7.0.min.js';
let plotlyLoaded = null;

function loadPlotly() {
    if (plotlyLoaded !== null || document.getElementById('plotly-import') !== null) {
        return;
    }
    plotlyLoaded = new Promise((resolve, reject) => {
        const amd = window.define; // as Plotly.Blazor does: plotly must not register as an AMD module
        window.define = undefined;
        const script = document.createElement('script');
        script.src = document.getElementById('plotly-script')?.href ?? plotlyPath;
        script.async = true;
        script.onload = () => { window.define = amd; resolve(); };
        script.onerror = error => { window.define = amd; reject(error); };
        document.head.appendChild(script);
    });
}

const appendChild = document.head.appendChild;
document.head.appendChild = function (node) {
    if (plotlyLoaded !== null && node instanceof HTMLScriptElement && node.id === 'plotly-import'
        && node.dataset.originalSrc === plotlyBlazorPath) {
        node.type = 'text/plain'; // kept in place (Plotly.Blazor looks it up), neither fetched nor run
        plotlyLoaded.then(() => node.onload && node.onload(), error => node.onerror && node.onerror(error));
    }
    return appendChild.call(this, node);
};

export function afterServerStarted() {
    loadPlotly();
}
