using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using PuppeteerSharp;
using PuppeteerSharp.Media;
using PuppeteerSharp.Transport;

namespace Portal.Printing;

/// <summary>
/// One headless Chromium process, driven over a pipe (<c>--remote-debugging-pipe</c>): no DevTools port is open, so no
/// other local process can drive it. It runs in a process group of its own, so that killing it takes every process it
/// started with it, and in a throwaway profile folder that is deleted with it: nothing of it survives a restart.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "The only disposable is the cancellation source 'dead', which holds no timer; prints still in flight read its token after KillAsync cancels it.")]
internal sealed class ChromiumBrowser
{
    private readonly Process process;
    private readonly IBrowser browser;
    private readonly string profile;
    private readonly ConcurrentStack<IPage> idle = new();
    private int killed;
    private long lastPrinted = Environment.TickCount64;
    private int canaryPrinting;

    /// <summary>Cancelled when the browser is killed, so that documents waiting on it move to its successor at once.</summary>
    private readonly CancellationTokenSource dead = new();

    /// <summary>A DevTools session with the browser itself, for the watchdog's question (Puppeteer answers the version from its cache).</summary>
    private readonly ICDPSession control;

    private ChromiumBrowser(Process process, IBrowser browser, ICDPSession control, string profile)
    {
        this.process = process;
        this.browser = browser;
        this.control = control;
        this.profile = profile;
    }

    /// <summary>The browser's process id, which is also its process group's id.</summary>
    public int ProcessId => process.Id;

    public bool IsAlive => Volatile.Read(ref killed) == 0 && !process.HasExited && browser.IsConnected;

    public static async Task<ChromiumBrowser> LaunchAsync(string executable, IEnumerable<string> arguments, int warmPages, TimeSpan timeout)
    {
        var profile = Directory.CreateTempSubdirectory("kktt-printer-").FullName;
        // setsid makes Chromium the leader of a new process group; the shell gives it our pipes as the descriptors
        // Chromium's pipe transport reads (3) and writes (4), and closes everything else it could write to.
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["sh", "-c", "exec \"$0\" \"$@\" 3<&0 4>&1 0</dev/null 1>/dev/null 2>/dev/null", executable,
                     "--headless", "--remote-debugging-pipe", $"--user-data-dir={profile}", .. arguments])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        try
        {
            var transport = new PipeTransport(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
            transport.Start();
            var connecting = Puppeteer.ConnectAsync(new ConnectOptions
            {
                BrowserWSEndpoint = "pipe://chromium",
                TransportFactory = (_, _, _) => Task.FromResult<IConnectionTransport>(transport),
                ProtocolTimeout = (int)timeout.TotalMilliseconds,
            });
            // A browser that exits at once (a broken installation) is reported at once, not after the timeout.
            if (await Task.WhenAny(connecting, process.WaitForExitAsync()).WaitAsync(timeout) != connecting)
                throw new InvalidOperationException($"Chromium exited as it started (exit code {process.ExitCode}).");
            var browser = await connecting;
            var launched = new ChromiumBrowser(process, browser, await browser.Target.CreateCDPSessionAsync().WaitAsync(timeout), profile);
            for (var i = 0; i < warmPages; i++)
                launched.idle.Push(await launched.NewPageAsync().WaitAsync(timeout));
            // The first document through a new browser sets up its PDF machinery; do it now, not for a user.
            await launched.PrintAsync(WarmUpDocument, pageLimit: 1).WaitAsync(timeout);
            return launched;
        }
        catch
        {
            await KillAsync(process, profile);
            throw;
        }
    }

    private const string WarmUpDocument = "<!DOCTYPE html><html lang=\"th\"><head><title>-</title></head><body><p>ก่อนพิมพ์ warm-up</p></body></html>";

    public async Task<byte[]> PrintAsync(string html, int pageLimit)
    {
        if (!idle.TryPop(out var page) || page.IsClosed)
            page = await NewPageAsync().WaitAsync(dead.Token);
        // The page already holds the fonts; only the document's own head and body travel over the wire.
        await page.EvaluateFunctionAsync(SwapDocument, html.Replace(PrintFonts.StyleElement, "", StringComparison.Ordinal)).WaitAsync(dead.Token);
        var pdf = await page.PdfDataAsync(new PdfOptions
        {
            PreferCSSPageSize = true, PrintBackground = true, Tagged = true, Format = PaperFormat.A4, PageRanges = $"1-{pageLimit}",
        }).WaitAsync(dead.Token);
        idle.Push(page);
        Volatile.Write(ref lastPrinted, Environment.TickCount64);
        return pdf;
    }

    /// <summary>
    /// After a few quiet minutes Chromium no longer finished the next document (it hung until the deadline, seen after
    /// 190–215 s idle, never after 70 s). A browser that has printed nothing for <paramref name="quiet"/> prints a
    /// one-line document: it never sits idle that long, and if it hangs anyway it is replaced before a user meets it.
    /// False when that document missed <paramref name="deadline"/>.
    /// </summary>
    public async Task<bool> KeepWarmAsync(TimeSpan quiet, TimeSpan deadline)
    {
        if (Environment.TickCount64 - Volatile.Read(ref lastPrinted) < quiet.TotalMilliseconds) return true;
        if (Interlocked.Exchange(ref canaryPrinting, 1) == 1) return true;
        try
        {
            await PrintAsync(WarmUpDocument, pageLimit: 1).WaitAsync(deadline);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or PuppeteerException or OperationCanceledException)
        {
            return false;
        }
        finally
        {
            Volatile.Write(ref canaryPrinting, 0);
        }
    }

    /// <summary>Whether the browser still answers DevTools within <paramref name="timeout"/>.</summary>
    public async Task<bool> AnswersAsync(TimeSpan timeout)
    {
        try
        {
            await control.SendAsync("Browser.getVersion").WaitAsync(timeout);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or PuppeteerException or ObjectDisposedException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Kills the browser and every process of its group at once (a frozen browser cannot be asked to close) and deletes its profile.</summary>
    public async Task KillAsync()
    {
        if (Interlocked.Exchange(ref killed, 1) == 1) return;
        await KillAsync(process, profile);
        await dead.CancelAsync();
        try
        {
            browser.Disconnect();
        }
        catch (Exception e) when (e is PuppeteerException or ObjectDisposedException or InvalidOperationException or IOException)
        {
        }
    }

    private static async Task KillAsync(Process process, string profile)
    {
        _ = Kill(-process.Id, SigKill);
        using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(exited.Token);
        }
        catch (OperationCanceledException)
        {
        }
        process.Dispose();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                Directory.Delete(profile, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException)
            {
                await Task.Delay(100);   // a dying process may still be writing into it
            }
        }
    }

    private const int SigKill = 9;

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code enabled for the whole project, for one call
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054

    /// <summary>A page with the fonts loaded and decoded, ready to take documents.</summary>
    private async Task<IPage> NewPageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.SetContentAsync(
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{NothingButStylesAndFonts}{PrintFonts.StyleElement}<style id=\"document-styles\"></style></head><body></body></html>");
        await page.EvaluateExpressionAsync("Promise.all(['400 16px Sarabun','italic 400 16px Sarabun','600 16px Sarabun','700 16px Sarabun'].map(f => document.fonts.load(f, 'ก')))");
        return page;
    }

    /// <summary>Replaces the page's document with the given one, keeping the loaded fonts, and waits until text is laid out in them.</summary>
    private const string SwapDocument = """
        async (html) => {
            const incoming = new DOMParser().parseFromString(html, 'text/html');
            // Printed minutes have no frames, scripts, external resources or media. Chromium opens a connection for a frame
            // before the page's policy refuses it, and in one process a refused image or style sheet can take the whole
            // browser down (a test found it): what the policy would refuse is removed before it reaches the page.
            incoming.querySelectorAll('iframe, frame, object, embed, script, link, base, meta, video, audio, source, track, picture, input, form')
                .forEach(e => e.remove());
            incoming.querySelectorAll('img, image').forEach(e => {
                const source = e.getAttribute('src') ?? e.getAttribute('href') ?? '';
                if (!source.startsWith('data:')) e.remove();
            });
            incoming.querySelectorAll('*').forEach(e => [...e.attributes].filter(a => a.name.startsWith('on')).forEach(a => e.removeAttribute(a.name)));
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
}
