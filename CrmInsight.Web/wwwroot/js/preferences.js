// Stores the theme choice so the next page load starts in it (read by App.razor on the server).
export function setTheme(cookieName, mode) {
    document.cookie = `${cookieName}=${mode}; path=/; max-age=31536000; samesite=lax`;
}
