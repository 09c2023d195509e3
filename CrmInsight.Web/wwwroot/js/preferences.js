// Stores the theme choice so the next page load starts in it (read by App.razor on the server).
export function setTheme(cookieName, mode) {
    document.cookie = `${cookieName}=${mode}; path=/; max-age=31536000; samesite=lax`;
}

// Posts one of the page's hidden forms (App.razor renders them with an antiforgery token),
// after filling in its named fields: the language switch and sign-out are form posts, not GETs.
export function submitForm(id, fields) {
    const form = document.getElementById(id);
    for (const [name, value] of Object.entries(fields ?? {})) {
        form.elements[name].value = value;
    }
    form.submit();
}
