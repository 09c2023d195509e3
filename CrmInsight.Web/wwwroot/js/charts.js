// Tells the server when plotly has drawn a chart. Plotly.Blazor's newPlot/react return before
// plotly has run (they wait for its script to load), so a chart asks this after each of them: the
// calls reach the browser in order, so what this waits for is the draw asked for just before it.
window.crmInsightCharts = {
    drawn(id) {
        return new Promise(resolve => {
            const check = () => {
                const chart = document.getElementById(id);
                if (chart === null) {
                    resolve(false); // the chart left the page
                } else if (chart._fullLayout && chart.querySelector('.main-svg')) {
                    // Plotly keeps the unfinished parts of a draw (fonts, images) as promises.
                    Promise.all(chart._promises || []).then(() => resolve(true), () => resolve(true));
                } else {
                    setTimeout(check, 20); // plotly's script is still loading
                }
            };
            check();
        });
    },
};
