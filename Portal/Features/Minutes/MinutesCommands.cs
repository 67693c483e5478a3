using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Hosting;

using Portal.Printing;

namespace Portal.Features.Minutes;

/// <summary>
/// <c>export-minutes</c> prints minutes in batch; <c>benchmark-pdf</c> measures printing the demo workshop's minutes.
/// Both run as the system, with an administrator's view of every meeting.
/// </summary>
public static class MinutesCommands
{
    /// <summary>Prints one meeting's minutes, or a year's (Buddhist or Gregorian); <paramref name="meetingId"/> wins when both are given.</summary>
    public static async Task<int> ExportAsync(WebApplication app, string outDir, int? meetingId, int? buddhistOrGregorianYear, PrintLanguage language)
    {
        var year = buddhistOrGregorianYear is { } y ? MeetingFilter.ToGregorianYear(y) : (int?)null;
        await app.PrepareDataAsync();
        await using var scope = AdminCommands.SystemScope(app);
        var services = scope.ServiceProvider;
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var ids = meetingId is { } one ? [one]
            : await db.Meetings.Where(m => m.Date >= new DateOnly(year!.Value, 1, 1) && m.Date < new DateOnly(year.Value + 1, 1, 1))
                .OrderBy(m => m.Date).Select(m => m.Id).ToListAsync();
        Directory.CreateDirectory(outDir);
        var printing = services.GetRequiredService<MinutesPdfService>();
        var written = 0;
        foreach (var meeting in ids)
        {
            if (await printing.LoadAsync(meeting) is not { } printable)
            {
                Console.Error.WriteLine($"Meeting {meeting} not found.");
                continue;
            }
            var path = Path.Combine(outDir, PrintLanguages.MinutesFileName(printable.Document, language).Unicode);
            await File.WriteAllBytesAsync(path, await printing.PdfAsync(await printing.MinutesHtmlAsync(printable, language)));
            Console.WriteLine(path + (printable.Draft ? "  [DRAFT]" : ""));
            written++;
        }
        Console.WriteLine($"{written} document(s) written to {Path.GetFullPath(outDir)}");
        return written == ids.Count ? 0 : 1;
    }

    public static async Task<int> BenchmarkAsync(WebApplication app, int count)
    {
        await app.PrepareDataAsync();
        await using var scope = AdminCommands.SystemScope(app);
        var services = scope.ServiceProvider;
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var workshopId = await db.Meetings.Where(m => m.RoomEn == "Aiyara Room").Select(m => (int?)m.Id).FirstOrDefaultAsync();
        if (workshopId is null)
        {
            Console.Error.WriteLine("The demo workshop is not in this database. Run with Portal__DemoData=true and an empty Portal__DataDirectory.");
            return 1;
        }
        var printing = services.GetRequiredService<MinutesPdfService>();
        var chromium = services.GetRequiredService<ChromiumPdf>();
        var printable = (await printing.LoadAsync(workshopId.Value))!;
        var html = await printing.MinutesHtmlAsync(printable, PrintLanguage.Thai);
        var pages = 0;

        var startup = Stopwatch.StartNew();
        await chromium.WarmUpAsync();
        Console.WriteLine($"warm-up at start-up (the portal does it in the background): {startup.ElapsedMilliseconds} ms");
        var firstWatch = Stopwatch.StartNew();
        var first = await printing.PdfAsync(html);
        Console.WriteLine($"first document after the warm-up: {firstWatch.ElapsedMilliseconds} ms, {first.Length / 1024} KB");
        for (var i = 0; i < 3; i++) await printing.PdfAsync(html);

        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            var pdf = await printing.PdfAsync(html);
            times.Add(watch.Elapsed.TotalMilliseconds);
            pages = pdf.Length;
        }
        times.Sort();
        Console.WriteLine($"one at a time, {count} documents: median {times[times.Count / 2]:0} ms, p95 {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:0} ms");

        // Memory is sampled while four documents print at once: the proportional set size (shared pages counted once
        // across Chromium's processes) of the portal and every Chromium process, at its highest.
        using var sampling = new CancellationTokenSource();
        long peak = 0;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, ProcessTree.ProportionalBytes(Environment.ProcessId, includeDescendantsOf: chromium.ProcessIds));
                await Task.Delay(200);
            }
        });
        var parallel = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count)
                await printing.PdfAsync(html);
        }));
        Console.WriteLine($"4 requests at once ({chromium.MaxPages} printing on {chromium.Settings.Browsers} browser(s), " +
            $"{(chromium.Settings.SingleProcess ? "single-process" : "usual process layout")}), {count} documents: {count / parallel.Elapsed.TotalSeconds:0.0} documents/s");
        await sampling.CancelAsync();
        await sampler;
        Console.WriteLine($"peak memory, portal and Chromium together (PSS): {peak / 1048576} MB");

        await UnderFaultAsync(app, printing, chromium, html, count);

        var file = Path.Combine(Path.GetTempPath(), $"kktt-benchmark-{Guid.NewGuid():N}.html");
        var output = Path.ChangeExtension(file, ".pdf");
        await File.WriteAllTextAsync(file, html);
        var cold = Stopwatch.StartNew();
        var coldStart = new ProcessStartInfo(chromium.ExecutablePath) { RedirectStandardError = true, RedirectStandardOutput = true };
        // Chromium's command-line printing does not survive --single-process (it stops at a breakpoint trap): the cold
        // run is the browser as anyone would start it.
        var coldArguments = chromium.Settings.Arguments.Where(a => a != "--single-process");
        foreach (var argument in (string[])["--headless", .. coldArguments, "--no-pdf-header-footer", $"--print-to-pdf={output}", new Uri(file).AbsoluteUri])
            coldStart.ArgumentList.Add(argument);
        using (var process = Process.Start(coldStart)!)
        {
            await process.WaitForExitAsync();
        }
        var coldMs = cold.Elapsed.TotalMilliseconds;
        if (!File.Exists(output))
        {
            Console.WriteLine($"cold `chromium --headless --print-to-pdf` wrote no PDF ({coldMs:0} ms)");
            File.Delete(file);
            return 1;
        }
        Console.WriteLine($"cold `chromium --headless --print-to-pdf` of the same HTML: {coldMs:0} ms ({coldMs / times[times.Count / 2]:0.0}× the warm median)");
        File.Delete(file);
        File.Delete(output);
        return 0;
    }

    /// <summary>
    /// Four requests at once again, with the watchdog running as in the portal; halfway through, one browser is frozen
    /// (SIGSTOP on its process group). Reports the documents that failed, the slowest one and how long until the printer
    /// was whole again.
    /// </summary>
    private static async Task UnderFaultAsync(WebApplication app, MinutesPdfService printing, ChromiumPdf chromium, string html, int count)
    {
        using var stopping = new CancellationTokenSource();
        var watchdog = ActivatorUtilities.CreateInstance<PrinterWatchdog>(app.Services);
        await watchdog.StartAsync(stopping.Token);
        var frozen = chromium.ProcessIds[0];
        Stopwatch? sinceFreeze = null;
        double recovered = double.NaN, slowest = 0;
        int next = 0, done = 0, failed = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async worker =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                var document = Stopwatch.StartNew();
                try
                {
                    await printing.PdfAsync(html);
                }
                catch (Exception e) when (e is PrinterUnavailableException or PuppeteerSharp.PuppeteerException)
                {
                    Interlocked.Increment(ref failed);
                }
                lock (chromium) slowest = Math.Max(slowest, document.Elapsed.TotalMilliseconds);
                if (Interlocked.Increment(ref done) == count / 2)
                {
                    Process.Start("kill", ["-STOP", "--", $"-{frozen}"])!.WaitForExit();
                    sinceFreeze = Stopwatch.StartNew();
                    _ = Task.Run(async () =>
                    {
                        while (chromium.ProcessIds.Contains(frozen) || chromium.Status.State != PrinterState.Ready) await Task.Delay(20);
                        recovered = sinceFreeze.Elapsed.TotalSeconds;
                    });
                }
            }
        }));
        while (double.IsNaN(recovered) && sinceFreeze is { Elapsed.TotalSeconds: < 60 }) await Task.Delay(100);
        // Normally killed by now; if not, it must not stay frozen after the benchmark.
        using (var resume = Process.Start(new ProcessStartInfo("kill", ["-CONT", "--", $"-{frozen}"]) { RedirectStandardError = true })!)
            await resume.WaitForExitAsync();
        await stopping.CancelAsync();
        await watchdog.StopAsync(CancellationToken.None);
        Console.WriteLine($"under fault (one of {chromium.Settings.Browsers} browser(s) frozen after {count / 2} of {count} documents, 4 at once): {failed} failed, " +
            $"slowest {slowest / 1000:0.0} s, printer whole again {recovered:0.0} s after the freeze, all {count} in {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
