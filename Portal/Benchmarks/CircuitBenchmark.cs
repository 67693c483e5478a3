using PuppeteerSharp;

namespace Portal.Benchmarks;

/// <summary>
/// Opens many interactive pages (Blazor circuits) at once in headless Chromium against a running portal, signed in as
/// one user, and reports the portal's memory before, with all of them open, and after they are closed, round after round.
/// Run by <c>scripts/load-test.sh</c>: <c>benchmark-circuits --url URL --pid PID --email E --password P [--count 50] [--rounds 5]</c>.
/// </summary>
public static class CircuitBenchmark
{
    public static async Task<int> RunAsync(string url, int portalPid, string email, string password, int count, int rounds, string chromium)
    {
        static long Megabytes(int pid) =>
            long.Parse(File.ReadLines($"/proc/{pid}/smaps_rollup").First(l => l.StartsWith("Pss:", StringComparison.Ordinal))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var signIn = await browser.NewPageAsync();
        await signIn.GoToAsync($"{url}/Account/Login");
        await signIn.TypeAsync("#Input\\.Email", email);
        await signIn.TypeAsync("#Input\\.Password", password);
        await Task.WhenAll(signIn.WaitForNavigationAsync(), signIn.ClickAsync("[data-testid=login-submit]"));
        await signIn.WaitForSelectorAsync("[data-interactive=true]", new WaitForSelectorOptions { Timeout = 30_000 });
        await signIn.GoToAsync("about:blank");
        await Task.Delay(2000);

        // Several rounds of opening and closing: memory that comes back (or at least stops growing) after each round
        // shows closed circuits are let go of. Server GC keeps the heap it grew, so the figure to watch is the trend.
        var afterRounds = new List<long>();
        for (var round = 1; round <= rounds; round++)
        {
            var start = Megabytes(portalPid);
            var pages = new List<IPage>();
            var opening = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var page = await browser.NewPageAsync();
                await page.GoToAsync($"{url}/{(i % 2 == 0 ? "meetings" : "action-items")}");
                await page.WaitForSelectorAsync("[data-interactive=true]", new WaitForSelectorOptions { Timeout = 60_000 });
                pages.Add(page);
            }
            await Task.Delay(2000);
            var open = Megabytes(portalPid);
            foreach (var page in pages) await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            await Task.Delay(10_000);
            afterRounds.Add(Megabytes(portalPid));
            Console.WriteLine($"  round {round}: {count} circuits opened in {opening.Elapsed.TotalSeconds:0.0} s; portal {start} MB → {open} MB open " +
                $"({(open - start) * 1024 / count} KB per circuit) → {afterRounds[^1]} MB 10 s after closing them");
        }
        Console.WriteLine($"  after each round: {string.Join(" → ", afterRounds)} MB (portal PSS; server GC keeps the memory it grew, so the trend is what counts)");
        return 0;
    }
}
