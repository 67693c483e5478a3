using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Portal.Printing;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c>) turning print HTML into PDF over the DevTools protocol. The browser
/// starts on first use and is reused; if it dies it is started again; at most <see cref="MaxPages"/> documents print at
/// once. Without Chromium the portal still runs and <see cref="ChromiumMissingException"/> says how to install it.
/// </summary>
public sealed class ChromiumPdf(IConfiguration configuration, ILogger<ChromiumPdf> logger) : IAsyncDisposable
{
    /// <summary>Documents printing at once: one per core, at most four (more only makes renderers fight for the CPU).</summary>
    public static readonly int MaxPages = Math.Clamp(Environment.ProcessorCount, 1, 4);
    private readonly SemaphoreSlim pages = new(MaxPages, MaxPages);
    private readonly SemaphoreSlim launching = new(1, 1);
    private IBrowser? browser;

    public string ExecutablePath => configuration["Portal:Chromium"] ?? "/usr/bin/chromium";

    /// <summary>
    /// <c>--single-process</c>: in its usual layout Chromium starts a fresh print-compositor process for every document,
    /// which cost more than the printing itself (benchmark-pdf: 141 → 59 ms median, 6.6 → 19 documents/s). The browser
    /// only ever prints the portal's own sanitized HTML with scripts and network off, and a crash restarts it.
    /// </summary>
    public static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
         "--font-render-hinting=none", "--single-process", .. SharedMemoryArguments()];

    /// <summary>
    /// Chromium passes pages between its processes in shared memory. Where /dev/shm is too small (Docker's 64 MB) it has to
    /// use files in /tmp instead, which costs system time on every document; elsewhere /dev/shm is the fast path.
    /// </summary>
    private static string[] SharedMemoryArguments()
    {
        try
        {
            return new DriveInfo("/dev/shm").TotalSize >= 512L * 1024 * 1024 ? [] : ["--disable-dev-shm-usage"];
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return ["--disable-dev-shm-usage"];
        }
    }

    /// <summary>The browser's process id, for the benchmark's memory figures; null before the first document.</summary>
    public int? ProcessId => browser?.Process?.Id;

    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken = default)
    {
        await pages.WaitAsync(cancellationToken);
        IPage? page = null;
        try
        {
            page = await TakePageAsync();
            // The page already holds the fonts; only the document's own head and body travel over the wire.
            await page.EvaluateFunctionAsync(SwapDocument, html.Replace(PrintFonts.StyleElement, "", StringComparison.Ordinal));
            var pdf = await page.PdfDataAsync(new PdfOptions { PreferCSSPageSize = true, PrintBackground = true, Tagged = true, Format = PaperFormat.A4 });
            idle.Push(page);
            page = null;
            return pdf;
        }
        finally
        {
            if (page is not null)
                await page.CloseAsync().ContinueWith(_ => { }, TaskScheduler.Default);
            pages.Release();
        }
    }

    /// <summary>Replaces the page's document with the given one, keeping the loaded fonts, and waits until text is laid out in them.</summary>
    private const string SwapDocument = """
        async (html) => {
            const incoming = new DOMParser().parseFromString(html, 'text/html');
            // Chromium opens a connection for a frame before the page's policy refuses it; printed minutes have no frames.
            incoming.querySelectorAll('iframe, frame, object, embed').forEach(e => e.remove());
            document.documentElement.lang = incoming.documentElement.lang;
            document.title = incoming.title;
            document.getElementById('document-styles').textContent =
                [...incoming.querySelectorAll('style')].map(s => s.textContent).join('\n');
            document.body.className = incoming.body.className;
            document.body.replaceChildren(...incoming.body.childNodes);
            await document.fonts.ready;
        }
        """;

    /// <summary>
    /// The printing page runs no script of the document's and loads nothing from anywhere: the swap above is done over
    /// DevTools, which the policy does not bind, and markup that slipped past sanitizing stays inert text on paper.
    /// </summary>
    private const string NothingButStylesAndFonts =
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:\">";

    private readonly System.Collections.Concurrent.ConcurrentStack<IPage> idle = new();

    /// <summary>A warm page with the fonts loaded: reused while the browser lives, made afresh after a restart.</summary>
    private async Task<IPage> TakePageAsync()
    {
        var chromium = await BrowserAsync();
        while (idle.TryPop(out var warm))
        {
            if (!warm.IsClosed && warm.Browser == chromium) return warm;
        }
        var page = await chromium.NewPageAsync();
        await page.SetContentAsync(
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{NothingButStylesAndFonts}{PrintFonts.StyleElement}<style id=\"document-styles\"></style></head><body></body></html>");
        // Make the browser decode every face once, so the first document does not wait for it.
        await page.EvaluateExpressionAsync("Promise.all(['400 16px Sarabun','italic 400 16px Sarabun','600 16px Sarabun','700 16px Sarabun'].map(f => document.fonts.load(f, 'ก')))");
        return page;
    }

    private async Task<IBrowser> BrowserAsync()
    {
        if (browser is { IsConnected: true } running) return running;
        await launching.WaitAsync();
        try
        {
            if (browser is { IsConnected: true } started) return started;
            if (!File.Exists(ExecutablePath))
                throw new ChromiumMissingException(ExecutablePath);
            if (browser is not null)
            {
                logger.LogWarning("Chromium is gone; starting it again");
                await browser.DisposeAsync();
            }
            browser = await Puppeteer.LaunchAsync(new LaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Arguments });
            return browser;
        }
        finally
        {
            launching.Release();
        }
    }

    /// <summary>Kills the browser process, as a crash would; the next document starts a new one.</summary>
    internal void KillForTest() => browser?.Process?.Kill();

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
    }
}

public sealed class ChromiumMissingException(string path)
    : Exception($"Chromium was not found at {path}. Install it with: sudo apt-get install chromium (or set Portal:Chromium to its path).");
