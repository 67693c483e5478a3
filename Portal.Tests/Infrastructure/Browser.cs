using Microsoft.Playwright;

namespace Portal.Tests.Infrastructure;

/// <summary>Debian's headless Chromium under Playwright; Playwright never downloads a browser of its own here.</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? playwright;
    public IBrowser Instance { get; private set; } = null!;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Instance = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Instance.DisposeAsync();
        playwright?.Dispose();
    }

    /// <summary>
    /// A fresh browser context signed in through the real sign-in form as the demo account of this role. Console errors,
    /// page errors and any dialog a script opens are added to <paramref name="problems"/>, which tests expect to stay empty.
    /// </summary>
    public Task<IPage> SignInAsync(PortalServer server, string role, List<string> problems, int width = 1280) =>
        SignInAsAsync(server, PortalHost.DemoAccount(role), problems, width);

    /// <summary>As <see cref="SignInAsync"/>, for any account with the demo password.</summary>
    public async Task<IPage> SignInAsAsync(PortalServer server, string email, List<string> problems, int width = 1280)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress, ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);
        page.Dialog += (_, dialog) => problems.Add("A script opened a dialog: " + dialog.Message);
        await SignInOnAsync(page, server, email);
        return page;
    }

    /// <summary>
    /// Signs in through the real sign-in form on a page the test already has (its own context, viewport or listeners): the
    /// one way end-to-end tests sign in.
    /// </summary>
    public static async Task SignInOnAsync(IPage page, PortalServer server, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", Portal.DemoData.DemoDataSeeder.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        // The redirect to the home page is enough; callers wait for what they need on it (the circuit, a field).
        await page.WaitForURLAsync(server.BaseAddress + "/", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>The input inside a MudBlazor field marked with <c>data-testid</c>.</summary>
    public static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input, textarea[data-testid='{testId}'], [data-testid='{testId}'] textarea").First;

    /// <summary>Types into an organization picker and takes the first organization it offers, which must be <paramref name="expected"/>.</summary>
    public static async Task PickOrganizationAsync(IPage page, string testId, string typed, string expected)
    {
        var input = Field(page, testId);
        await input.FillAsync(typed);
        var first = page.Locator(".mud-popover-open .mud-list-item").First;
        await Assertions.Expect(first).ToContainTextAsync(expected);
        await first.ClickAsync();
        await Assertions.Expect(input).ToHaveValueAsync(expected);
    }

    /// <summary>Picks an option of a MudBlazor select by its text, and checks that the select shows it (once more if not:
    /// a click landing while the list is still opening is lost).</summary>
    public static async Task ChooseAsync(IPage page, string selectTestId, string optionText)
    {
        for (var attempt = 0; ; attempt++)
        {
            await page.Locator($"[data-testid={selectTestId}]").First.ClickAsync();
            var option = page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = optionText }).First;
            await option.WaitForAsync();
            await option.ClickAsync();
            // A select shows its choice as an input's value or as text, depending on the select.
            var select = page.Locator($"[data-testid={selectTestId}]").First;
            for (var wait = 0; wait < 30; wait++)
            {
                if ((await select.EvaluateAsync<string>("e => (e.value || '') + ' ' + e.textContent")).Contains(optionText))
                    return;
                await Task.Delay(100);
            }
            if (attempt > 0)
                throw new InvalidOperationException($"The select {selectTestId} did not take the option {optionText}.");
            await page.Keyboard.PressAsync("Escape");
        }
    }

    /// <summary>Waits until the page's circuit is live: typing into a prerendered form would be lost.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 15000 });

    public static async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForInteractiveAsync(page);
    }

    /// <summary>
    /// A document from the portal's printer, as a user gets it from a link that opens a tab. The printer starts with its
    /// first document, and on a loaded machine that start and the print may take longer than Playwright's 30 s (its own
    /// limits: 30 s queued, 20 s to start, 20 s to print). When it gives up, the tab says "try again in a few seconds"
    /// (503, Retry-After 5); the user waits and tries once more.
    /// </summary>
    public static async Task<IDownload> DownloadPrintedAsync(IPage page, string selector)
    {
        for (var attempt = 1; ; attempt++)
        {
            var refusal = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            async void ReadRefusal(object? sender, IPage tab)
            {
                try { refusal.TrySetResult(await tab.Locator("h1").First.InnerTextAsync(new LocatorInnerTextOptions { Timeout = 90_000 })); }
                catch (Exception) { } // the tab closed: it was the download's
            }
            page.Context.Page += ReadRefusal;
            try
            {
                var download = page.WaitForDownloadAsync(new PageWaitForDownloadOptions { Timeout = 90_000 });
                await page.ClickAsync(selector);
                if (await Task.WhenAny(download, refusal.Task) == download)
                    return await download;
                if (attempt == 2)
                    throw new InvalidOperationException($"The printer refused twice: {refusal.Task.Result}");
            }
            finally
            {
                page.Context.Page -= ReadRefusal;
            }
            foreach (var tab in page.Context.Pages.Where(p => p != page))
                await tab.CloseAsync();
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name + ".png");
    }
}
