using System.Diagnostics;

namespace Portal.Tests.Infrastructure;

/// <summary>poppler-utils reading a PDF as a person copying text out of it would.</summary>
public static class Poppler
{
    public static async Task<string> RunAsync(string tool, byte[] pdf, params string[] options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kktt-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var option in options) start.ArgumentList.Add(option);
            start.ArgumentList.Add(file);
            if (tool == "pdftotext") start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static async Task<int> PagesAsync(byte[] pdf) =>
        int.Parse((await RunAsync("pdfinfo", pdf)).Split('\n').Single(l => l.StartsWith("Pages:")).Split(':')[1].Trim());
}
