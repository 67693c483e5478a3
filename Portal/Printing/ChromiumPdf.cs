using PuppeteerSharp;

namespace Portal.Printing;

/// <summary>
/// The portal's printer: headless Chromium (Debian's <c>chromium</c>) turning print HTML into PDF. It keeps
/// <see cref="PrinterSettings.Browsers"/> browser(s) warm, each with its pages; every document has a deadline, and a browser
/// that misses it or stops answering is killed with its whole process group and started afresh, and the document is
/// tried once more on the new one. Without Chromium the portal still runs and <see cref="ChromiumMissingException"/>
/// says how to install it.
/// </summary>
public sealed class ChromiumPdf : IAsyncDisposable
{
    private readonly PrinterSettings settings;
    private readonly ILogger<ChromiumPdf> logger;
    private readonly TimeProvider clock;
    private readonly Slot[] browsers;
    private readonly SemaphoreSlim pages;

    public ChromiumPdf(IConfiguration configuration, ILogger<ChromiumPdf> logger, TimeProvider clock)
    {
        settings = PrinterSettings.From(configuration);
        this.logger = logger;
        this.clock = clock;
        browsers = Enumerable.Range(0, settings.Browsers).Select(_ => new Slot(settings.PagesPerBrowser)).ToArray();
        pages = new SemaphoreSlim(settings.Browsers * settings.PagesPerBrowser);
    }

    public PrinterSettings Settings => settings;

    public string ExecutablePath => settings.ExecutablePath;

    /// <summary>Documents printing at once, over all browsers.</summary>
    public int MaxPages => settings.Browsers * settings.PagesPerBrowser;

    /// <summary>The running browsers' process ids (each its own process group): for the benchmark's memory figures and the fault tests.</summary>
    public IReadOnlyList<int> ProcessIds =>
        browsers.Select(b => b.Running).OfType<Task<ChromiumBrowser>>().Where(t => t.IsCompletedSuccessfully).Select(t => t.Result.ProcessId).ToList();

    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(ExecutablePath))
            throw new ChromiumMissingException(ExecutablePath);
        var characters = html.Length - (html.Contains(PrintFonts.StyleElement, StringComparison.Ordinal) ? PrintFonts.StyleElement.Length : 0);
        if (characters > settings.MaxDocumentCharacters)
            throw new DocumentTooLargeException(characters, settings.MaxDocumentCharacters);
        if (!await pages.WaitAsync(settings.QueueTimeout, cancellationToken))
            throw new PrinterUnavailableException("every page of the printer stayed busy");
        var slot = TakeSlot();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                ChromiumBrowser? browser = null;
                try
                {
                    browser = await StartedAsync(slot).WaitAsync(settings.LaunchTimeout, cancellationToken);
                    return await browser.PrintAsync(html, settings.PageLimit).WaitAsync(settings.Deadline, cancellationToken);
                }
                catch (Exception e) when (e is not ChromiumMissingException && !cancellationToken.IsCancellationRequested)
                {
                    var reason = e is TimeoutException
                        ? browser is null ? $"Chromium did not start within {settings.LaunchTimeout.TotalSeconds:0} s" : $"a document missed its {settings.Deadline.TotalSeconds:0} s deadline"
                        : $"{e.GetType().Name}: {e.Message}";
                    logger.LogWarning("Printing failed on attempt {Attempt} ({Reason}); Chromium is restarted", attempt, reason);
                    Restart(slot, browser, reason);
                    if (attempt == 2) throw new PrinterUnavailableException(reason, e);
                }
            }
        }
        finally
        {
            slot.Pages.Release();
            pages.Release();
        }
    }

    /// <summary>Starts every browser with its warm pages (at start-up, in the background) so that no user waits for it.</summary>
    public Task WarmUpAsync() =>
        File.Exists(ExecutablePath) ? Task.WhenAll(browsers.Select(StartedAsync)) : Task.CompletedTask;

    /// <summary>Restarts any browser that no longer answers DevTools; the watchdog calls this every few seconds.</summary>
    public Task CheckAsync() => Task.WhenAll(browsers.Select(async slot =>
    {
        // A start that failed (Chromium slow to come up on a busy machine) is tried again here, not left to the next document.
        if (slot.Running is { IsFaulted: true } or { IsCanceled: true })
        {
            _ = StartedAsync(slot);
            return;
        }
        if (slot.Running is not { IsCompletedSuccessfully: true } running) return;
        var browser = running.Result;
        if (!browser.IsAlive)
            Restart(slot, browser, "Chromium exited");
        else if (!await browser.AnswersAsync(settings.AnswerTimeout))
            Restart(slot, browser, $"Chromium stopped answering for {settings.AnswerTimeout.TotalSeconds:0} s");
        else
            _ = KeepWarmAsync(slot, browser);
    }));

    /// <summary>In the background, so that the watchdog's checks keep their pace while it runs.</summary>
    private async Task KeepWarmAsync(Slot slot, ChromiumBrowser browser)
    {
        if (!await browser.KeepWarmAsync(TimeSpan.FromSeconds(45), settings.Deadline))
            Restart(slot, browser, $"a keep-warm document missed its {settings.Deadline.TotalSeconds:0} s deadline");
    }

    /// <summary>What <c>/health</c> says of the printer.</summary>
    public PrinterStatus Status
    {
        get
        {
            if (!File.Exists(ExecutablePath))
                return new PrinterStatus(PrinterState.Missing, $"Chromium is not installed at {ExecutablePath}", null);
            var restarting = browsers.Where(b => b.Restarting is not null).Select(b => b.Restarting!.Value).OrderBy(r => r.Since).FirstOrDefault();
            if (restarting.Reason is not null)
                return new PrinterStatus(PrinterState.Restarting, restarting.Reason, restarting.Since);
            if (browsers.Any(b => b.Running is { IsFaulted: true }))
                return new PrinterStatus(PrinterState.Down, "Chromium failed to start", null);
            if (browsers.All(b => b.Running is null))
                return new PrinterStatus(PrinterState.Ready, "Chromium starts with the first document", null);
            if (browsers.Any(b => b.Running is null || !b.Running.IsCompleted))
                return new PrinterStatus(PrinterState.Starting, "Chromium is starting", null);
            return new PrinterStatus(PrinterState.Ready, $"{browsers.Length} Chromium ready, {MaxPages} documents at once", null);
        }
    }

    /// <summary>A browser with a free page, running ones first. One exists: every holder of <see cref="pages"/> holds one browser page.</summary>
    private Slot TakeSlot()
    {
        foreach (var slot in browsers.OrderByDescending(b => b.Running is { IsCompletedSuccessfully: true } && b.Restarting is null))
            if (slot.Pages.Wait(0)) return slot;
        throw new InvalidOperationException("No browser page is free although the printer admitted the document.");
    }

    private Task<ChromiumBrowser> StartedAsync(Slot slot)
    {
        lock (slot)
        {
            if (slot.Running is { IsCompleted: false } starting) return starting;
            if (slot.Running is { IsCompletedSuccessfully: true } running && running.Result.IsAlive) return running;
            if (slot.Running is { IsCompletedSuccessfully: true } dead)
                _ = dead.Result.KillAsync();
            slot.Running = LaunchAsync(slot);
            return slot.Running;
        }
    }

    private async Task<ChromiumBrowser> LaunchAsync(Slot slot)
    {
        await Task.Yield();
        try
        {
            var browser = await ChromiumBrowser.LaunchAsync(ExecutablePath, settings.Arguments, settings.PagesPerBrowser, settings.LaunchTimeout);
            logger.LogInformation("Chromium {ProcessId} is ready to print", browser.ProcessId);
            return browser;
        }
        finally
        {
            slot.Restarting = null;
        }
    }

    /// <summary>Kills <paramref name="failed"/> (unless another failure already replaced it) and starts a fresh browser in its place at once.</summary>
    private void Restart(Slot slot, ChromiumBrowser? failed, string reason)
    {
        lock (slot)
        {
            var current = slot.Running is { IsCompletedSuccessfully: true } running ? running.Result : null;
            if (failed is not null && current != failed) return;
            if (failed is null && slot.Running is { IsCompleted: false }) return;
            slot.Restarting = (reason, clock.GetUtcNow());
            if (failed is not null) _ = failed.KillAsync();
            slot.Running = LaunchAsync(slot);
            // An unobserved failure is reported by the next print that waits for it.
            slot.Running.ContinueWith(t => logger.LogError(t.Exception, "Chromium could not be started again"), TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var slot in browsers)
        {
            if (slot.Running is null) continue;
            try
            {
                await (await slot.Running).KillAsync();
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "Chromium had already failed when the portal stopped");
            }
        }
    }

    /// <summary>One browser of the printer: its current (or starting) Chromium and its free pages.</summary>
    private sealed class Slot(int pages)
    {
        public SemaphoreSlim Pages { get; } = new(pages, pages);
        public Task<ChromiumBrowser>? Running { get; set; }
        public (string Reason, DateTimeOffset Since)? Restarting { get; set; }
    }
}

public enum PrinterState { Ready, Starting, Restarting, Down, Missing }

public sealed record PrinterStatus(PrinterState State, string Description, DateTimeOffset? Since);

/// <summary>Chromium is not installed: the portal runs, and the print links say how to install it.</summary>
public sealed class ChromiumMissingException(string path)
    : Exception($"Chromium was not found at {path}. Install it with: sudo apt-get install chromium (or set Portal:Chromium to its path).");

/// <summary>A document larger than any real meeting's (<see cref="PrinterSettings.MaxDocumentCharacters"/>): refused before it reaches Chromium.</summary>
public sealed class DocumentTooLargeException(int characters, int limit) : Exception($"The document holds {characters} characters; at most {limit} are printed.")
{
    public int Characters => characters;
    public int Limit => limit;
}

/// <summary>The printer could not print the document even after restarting Chromium, or stayed busy too long.</summary>
public sealed class PrinterUnavailableException(string reason, Exception? inner = null) : Exception($"The printer is unavailable: {reason}.", inner);
