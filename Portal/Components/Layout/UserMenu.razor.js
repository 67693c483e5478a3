// Submits the sign-out form, so that a menu item (which MudMenu's arrow keys reach) can sign out by POST.
export function submit(form) {
    form.requestSubmit();
}
