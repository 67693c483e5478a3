namespace Portal.Printing;

/// <summary>
/// How the printer runs, from <c>Portal:Printing:*</c> (and <c>Portal:Chromium</c> for the browser's path). The defaults
/// are the figures README's printing benchmark chose on the 2-core machine.
/// </summary>
public sealed record PrinterSettings(
    string ExecutablePath,
    int Browsers,
    int PagesPerBrowser,
    bool SingleProcess,
    TimeSpan Deadline,
    TimeSpan LaunchTimeout,
    TimeSpan QueueTimeout,
    TimeSpan AnswerTimeout,
    int PageLimit,
    int MaxDocumentCharacters)
{
    public static PrinterSettings From(IConfiguration configuration)
    {
        var printing = configuration.GetSection("Portal:Printing");
        var cores = Math.Clamp(Environment.ProcessorCount, 1, 4);
        // One browser in one process with a page per core: the fastest and leanest layout measured (README, benchmark); a
        // second browser halves what a freeze stops but costs 190 MB and a fifth of the throughput.
        var browsers = Math.Clamp(printing.GetValue("Browsers", 1), 1, 8);
        return new PrinterSettings(
            ExecutablePath: configuration["Portal:Chromium"] ?? "/usr/bin/chromium",
            Browsers: browsers,
            // One document per core over all browsers: more only makes renderers fight for the CPU.
            PagesPerBrowser: Math.Clamp(printing.GetValue("PagesPerBrowser", Math.Max(1, cores / browsers)), 1, 8),
            SingleProcess: printing.GetValue("SingleProcess", true),
            Deadline: TimeSpan.FromSeconds(printing.GetValue("DeadlineSeconds", 20.0)),
            LaunchTimeout: TimeSpan.FromSeconds(printing.GetValue("LaunchTimeoutSeconds", 20.0)),
            QueueTimeout: TimeSpan.FromSeconds(printing.GetValue("QueueTimeoutSeconds", 30.0)),
            AnswerTimeout: TimeSpan.FromSeconds(printing.GetValue("AnswerTimeoutSeconds", 5.0)),
            PageLimit: Math.Clamp(printing.GetValue("PageLimit", 200), 1, 10_000),
            MaxDocumentCharacters: Math.Max(10_000, printing.GetValue("MaxDocumentCharacters", 250_000)));
    }

    /// <summary>
    /// <c>--single-process</c>: in its usual layout Chromium starts a fresh print-compositor process for every document,
    /// which costs more than the printing itself (README, benchmark). The browser only ever prints the portal's own
    /// sanitized HTML with scripts and network off; a crash or a hang restarts it.
    /// </summary>
    public IReadOnlyList<string> Arguments =>
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-extensions", "--disable-default-apps", "--mute-audio", "--font-render-hinting=none",
         // Pages waiting for the next document are background tabs; as Puppeteer's own launcher does, they are not
         // throttled (this alone did not cure the hang after idle minutes: ChromiumBrowser.KeepWarmAsync does).
         "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows", "--disable-renderer-backgrounding",
         "--disable-ipc-flooding-protection",
         .. SingleProcess ? ["--single-process"] : Array.Empty<string>(), .. SharedMemoryArguments()];

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
}
