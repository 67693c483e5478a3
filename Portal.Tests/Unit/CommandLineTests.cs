using Portal.Hosting;

namespace Portal.Tests.Unit;

/// <summary>
/// The verbs' command line as parsed (<see cref="CommandLine"/>), without running a verb: help, the refusals of a line that
/// does not parse, and the web app receiving its arguments untouched when no verb is given.
/// </summary>
public class CommandLineTests
{
    public static TheoryData<string, string[]> VerbOptions => new()
    {
        { "create-admin", ["--email", "--name"] },
        { "backup", ["--out"] },
        { "restore", ["--from"] },
        { "export-minutes", ["--out", "--meeting", "--year", "--lang"] },
        { "seed-synthetic", ["--organizations", "--people", "--meetings", "--action-items", "--attendees"] },
        { "benchmark-pdf", ["--count"] },
        { "benchmark-lists", [] },
        { "benchmark-report", ["--runs"] },
        { "benchmark-circuits", ["--url", "--pid", "--email", "--password", "--count", "--rounds"] },
        { "benchmark-first-visit", ["--url", "--email", "--password", "--runs"] },
    };

    [Fact]
    public async Task The_root_help_lists_every_verb_and_does_not_start_the_web_app()
    {
        var run = await RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.False(run.Served);
        foreach (var verb in VerbOptions.Select(row => (string)row[0]))
            Assert.Matches($@"(?m)^\s+{verb}\s+\S", run.Output);
        Assert.Contains("--urls", run.Output); // says where the web-host arguments go
    }

    [Theory]
    [MemberData(nameof(VerbOptions))]
    public async Task Each_verb_has_help_that_lists_its_options_with_a_description(string verb, string[] options)
    {
        var run = await RunAsync(verb, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.False(run.Served);
        Assert.Contains($" {verb} [options]", run.Output);
        Assert.DoesNotContain("web-host", run.Output); // the web app's arguments are no verb's
        foreach (var option in options)
            Assert.Matches($@"(?m)^\s+{option}\b.*\S\s{{2,}}\w", run.Output); // the option, then a one-line description
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Required_options_and_defaults_are_shown_in_help()
    {
        Assert.Matches(@"--email <EMAIL> \(REQUIRED\)", (await RunAsync("create-admin", "--help")).Output);
        Assert.Matches(@"--count <N> .*\[default: 40\]", (await RunAsync("benchmark-pdf", "--help")).Output);
        Assert.Matches(@"--lang <bilingual\|en\|th> .*\[default: th\]", (await RunAsync("export-minutes", "--help")).Output);
        Assert.Matches(@"--action-items <N> .*\[default: 100000\]", (await RunAsync("seed-synthetic", "--help")).Output);
    }

    [Theory]
    [InlineData("--email", "create-admin", "--name", "Somebody")]
    [InlineData("--out", "backup")]
    [InlineData("--from", "restore")]
    [InlineData("--out", "export-minutes", "--year", "2567")]
    [InlineData("--pid", "benchmark-circuits", "--email", "a@example.org", "--password", "p")]
    [InlineData("--password", "benchmark-first-visit", "--email", "a@example.org")]
    public async Task A_missing_required_option_is_refused_with_its_name(string option, params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.False(run.Served);
        Assert.Contains($"'{option}'", run.Error);
    }

    [Theory]
    [InlineData("--count", "benchmark-pdf", "--count", "many")]
    [InlineData("--people", "seed-synthetic", "--people", "1e3")]
    [InlineData("--meeting", "export-minutes", "--out", "minutes", "--meeting", "first")]
    [InlineData("--pid", "benchmark-circuits", "--pid", "x", "--email", "a@example.org", "--password", "p")]
    [InlineData("--from", "restore", "--from", "/no/such/backup.zip")]
    [InlineData("--meeting", "export-minutes", "--out", "minutes")] // neither a meeting nor a year
    [InlineData("--bogus", "backup", "--out", "b.zip", "--bogus")]
    public async Task A_bad_value_or_an_unknown_option_is_refused_with_the_option_named(string option, params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.False(run.Served);
        Assert.Contains(option, run.Error);
    }

    [Fact]
    public async Task A_language_other_than_th_en_or_bilingual_is_refused()
    {
        var run = await RunAsync("export-minutes", "--out", "minutes", "--year", "2567", "--lang", "fr");

        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.Contains("'fr'", run.Error);
        Assert.Contains("bilingual", run.Error);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5123", "--Portal:DataDirectory=/srv/portal data")]
    [InlineData("--urls=http://127.0.0.1:5123", "--environment", "Production", "Portal:DemoData=false")]
    [InlineData("--contentRoot=/opt/portal", "--applicationName=Portal", "@not-a-response-file")]
    public async Task Without_a_verb_the_web_app_runs_with_the_arguments_exactly_as_given(params string[] args)
    {
        string[]? served = null;
        var exitCode = await CommandLine.RunAsync(args, webArgs => { served = webArgs; return Task.FromResult(7); }, TextWriter.Null, TextWriter.Null);

        Assert.Equal(7, exitCode);
        Assert.Equal(args, served);
    }

    private sealed record Run(int ExitCode, string Output, string Error, bool Served);

    private static async Task<Run> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var served = false;
        var exitCode = await CommandLine.RunAsync(args, _ => { served = true; return Task.FromResult(0); }, output, error);
        return new Run(exitCode, output.ToString(), error.ToString(), served);
    }
}
