// A file chosen in the moment between an InputFile appearing and Blazor wiring its change
// listener raised a change nobody heard; once the listener is wired, raise it again.
window.crmInsightFiles = {
    takeChosen(input) {
        if (input && input.files && input.files.length > 0) {
            input.dispatchEvent(new Event('change'));
        }
    },
};
