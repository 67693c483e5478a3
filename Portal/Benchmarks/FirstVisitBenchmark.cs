using System.Diagnostics;
using System.Text.Json;
using PuppeteerSharp;

namespace Portal.Benchmarks;

/// <summary>
/// What a phone pays to open the dashboard: bytes over the network and time until the page answers clicks, on a
/// first visit (empty cache, just signed in) and a repeat visit, under Chromium's network and CPU emulation.
/// <c>benchmark-first-visit --url URL --email E --password P [--runs 5]</c> against a running portal.
/// </summary>
public static class FirstVisitBenchmark
{
    /// <summary>A named network and CPU profile, as Chromium's DevTools and Lighthouse define them.</summary>
    private sealed record Profile(string Name, double LatencyMs, double DownloadKbps, double UploadKbps, decimal CpuSlowdown);

    private static readonly Profile[] Profiles =
    [
        // The issue's profile is the network's; a mid-range phone's slower processor (÷4) is measured too, because it costs more.
        new("Fast 4G", 60, 9_000, 1_500, 1),
        new("Slow 4G", 150, 1_600, 750, 1),
        new("Fast 4G, CPU ÷4", 60, 9_000, 1_500, 4),
        new("Slow 4G, CPU ÷4", 150, 1_600, 750, 4),
    ];

    public static async Task<int> RunAsync(string url, string email, string password, int runs, string chromium)
    {
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Console.WriteLine("  profile            | visit  | KB over HTTP | requests | KB on the circuit | interactive after (median of runs)");
        foreach (var profile in Profiles)
        {
            var first = new List<Visit>();
            var repeat = new List<Visit>();
            for (var run = 0; run < runs; run++)
            {
                await using var context = await browser.CreateBrowserContextAsync();
                var page = await context.NewPageAsync();
                await page.SetViewportAsync(new ViewPortOptions { Width = 390, Height = 844, IsMobile = true, HasTouch = true, DeviceScaleFactor = 1 });
                await SignInAsync(page, url, email, password);
                await page.Client.SendAsync("Network.clearBrowserCache");
                await Emulate(page, profile);
                first.Add(await VisitAsync(page, url));
                repeat.Add(await VisitAsync(page, url));
            }
            Report(profile, "first", first);
            Report(profile, "repeat", repeat);
        }
        return 0;
    }

    private sealed record Visit(long HttpBytes, int Requests, long CircuitBytes, double InteractiveMs);

    private static async Task SignInAsync(IPage page, string url, string email, string password)
    {
        await page.GoToAsync($"{url}/Account/Login");
        await page.TypeAsync("#Input\\.Email", email);
        await page.TypeAsync("#Input\\.Password", password);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("[data-testid=login-submit]"));
        await page.GoToAsync("about:blank");
    }

    private static async Task Emulate(IPage page, Profile profile)
    {
        await page.Client.SendAsync("Network.enable");
        await page.Client.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = profile.LatencyMs,
            ["downloadThroughput"] = profile.DownloadKbps * 1000 / 8, ["uploadThroughput"] = profile.UploadKbps * 1000 / 8,
        });
        await page.EmulateCPUThrottlingAsync(profile.CpuSlowdown);
    }

    /// <summary>Opens the dashboard and waits until Blazor has made it interactive, counting what crossed the network.</summary>
    private static async Task<Visit> VisitAsync(IPage page, string url)
    {
        long httpBytes = 0, circuitBytes = 0;
        var requests = 0;
        void Count(object? sender, MessageEventArgs e)
        {
            switch (e.MessageID)
            {
                case "Network.loadingFinished":
                    Interlocked.Add(ref httpBytes, e.MessageData.GetProperty("encodedDataLength").GetInt64());
                    Interlocked.Increment(ref requests);
                    break;
                case "Network.webSocketFrameReceived":
                    Interlocked.Add(ref circuitBytes, PayloadBytes(e.MessageData));
                    break;
            }
        }
        page.Client.MessageReceived += Count;
        var clock = Stopwatch.StartNew();
        await page.GoToAsync(url + "/", WaitUntilNavigation.DOMContentLoaded);
        await page.WaitForSelectorAsync("[data-interactive=true]", new WaitForSelectorOptions { Timeout = 60_000 });
        var interactive = clock.Elapsed.TotalMilliseconds;
        await Task.Delay(1000);   // requests still finishing (fonts, the circuit's first frames) count toward the bytes
        page.Client.MessageReceived -= Count;
        await page.GoToAsync("about:blank");
        return new Visit(httpBytes, requests, circuitBytes, interactive);
    }

    private static long PayloadBytes(JsonElement frame)
    {
        var response = frame.GetProperty("response");
        var data = response.GetProperty("payloadData").GetString() ?? "";
        // Blazor's circuit speaks binary MessagePack, which DevTools hands over base64-encoded (opcode 2).
        return response.GetProperty("opcode").GetInt32() == 2 ? data.Length * 3 / 4 : System.Text.Encoding.UTF8.GetByteCount(data);
    }

    private static void Report(Profile profile, string visit, List<Visit> runs)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
        Console.WriteLine($"  {profile.Name,-18} | {visit,-6} | {Median(runs.Select(r => r.HttpBytes / 1024.0)),12:0} | {Median(runs.Select(r => (double)r.Requests)),8:0} " +
            $"| {Median(runs.Select(r => r.CircuitBytes / 1024.0)),17:0} | {Median(runs.Select(r => r.InteractiveMs)) / 1000:0.00} s " +
            $"(runs: {string.Join(", ", runs.Select(r => (r.InteractiveMs / 1000).ToString("0.00", CultureInfo.InvariantCulture)))})");
    }
}
