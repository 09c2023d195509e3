// The wall's connection keeper. Blazor reports its reconnect state to the element with id
// components-reconnect-modal; a TV has nobody to press "Retry", so this does it.
const badge = document.getElementById("components-reconnect-modal");
const maxFailures = Number(badge.dataset.maxFailures || 5);
const reloadHours = Number(badge.dataset.reloadHours || 12);
let failures = 0;

badge.addEventListener("components-reconnect-state-changed", event => {
    const state = event.detail.state;
    if (state === "show" || state === "retrying") {
        badge.classList.add("visible");
    } else if (state === "hide") {
        failures = 0;
        badge.classList.remove("visible");
    } else if (state === "failed") {
        failures++;
        badge.classList.add("visible");
        setTimeout(retry, 5000);
    } else if (state === "rejected") {
        // The server no longer knows this circuit (it restarted): start afresh once it answers.
        reloadWhenServerAnswers();
    }
});

async function retry() {
    if (failures >= maxFailures) {
        reloadWhenServerAnswers();
        return;
    }
    try {
        if (await Blazor.reconnect()) {
            return;
        }
        if (!(await Blazor.resumeCircuit())) {
            reloadWhenServerAnswers();
        }
    } catch {
        failures++;
        setTimeout(retry, 5000);
    }
}

// Reload only when the server is up, so the screen never shows the browser's error page.
async function reloadWhenServerAnswers() {
    try {
        const response = await fetch("/healthz", { cache: "no-store" });
        if (response.ok) {
            location.reload();
            return;
        }
    } catch {
        // still away
    }
    setTimeout(reloadWhenServerAnswers, 10000);
}

setTimeout(reloadWhenServerAnswers, reloadHours * 3600 * 1000);
