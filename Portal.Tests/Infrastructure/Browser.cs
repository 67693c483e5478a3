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

    /// <summary>The input inside a MudBlazor field marked with <c>data-testid</c>.</summary>
    public static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input, textarea[data-testid='{testId}']").First;

    /// <summary>Waits until the page's circuit is live: typing into a prerendered form would be lost.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 15000 });

    public static async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForInteractiveAsync(page);
    }

    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name + ".png");
    }
}
