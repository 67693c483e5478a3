using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Portal.Benchmarks;
using Portal.Printing;
using Portal.Features.Minutes;

namespace Portal.Hosting;

/// <summary>
/// Every verb of <c>dotnet Portal.dll</c> and its options, on System.CommandLine (<c>--help</c> lists them). Without a
/// verb the portal serves the web app and hands it the arguments untouched, so web-host arguments (<c>--urls URL</c>,
/// <c>--Portal:DataDirectory=DIR</c>) work as they always did. A verb reads its settings from the environment and
/// <c>appsettings.json</c> and runs in place of the web server; what each one does is in <see cref="AdminCommands"/>,
/// <see cref="MinutesCommands"/> and <c>Benchmarks/</c>.
/// </summary>
public static class CommandLine
{
    /// <summary>The exit code of a command line that does not parse (a missing or malformed option), as before.</summary>
    public const int UsageError = 2;

    /// <param name="serve">Runs the web app with the arguments as given.</param>
    /// <param name="output">Where help goes; standard output unless a test captures it.</param>
    /// <param name="error">Where parse errors go; standard error unless a test captures it.</param>
    public static async Task<int> RunAsync(string[] args, Func<string[], Task<int>> serve, TextWriter? output = null, TextWriter? error = null)
    {
        // Response files (@file) are off: a web-host argument must reach the web app as typed.
        var parse = Root(args, serve).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var exitCode = await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // The web host handles SIGTERM and Ctrl+C itself (a graceful stop), and an exception ends the process as it
            // always did, with the host's own logging; the test host also stops the app by an exception it must see.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        });
        return parse.Action is ParseErrorAction ? UsageError : exitCode;
    }

    private static RootCommand Root(string[] args, Func<string[], Task<int>> serve)
    {
        var root = new RootCommand("KKTT Partner Portal. Without a verb it serves the web app, which takes the arguments given " +
            "(--urls URL, --environment NAME, configuration overrides such as --Portal:DataDirectory=DIR).");
        // Whatever is not a verb is the web host's, passed on as given (an unknown option becomes this argument's value),
        // while a verb's line takes nothing it does not declare. Hidden, or every verb's help would show it.
        root.Arguments.Add(new Argument<string[]>("web-host-arguments") { Hidden = true });
        root.SetAction((_, _) => serve(args));
        foreach (var verb in (Command[])[CreateAdmin(), Backup(), Restore(), ExportMinutes(), SeedSynthetic(),
                     BenchmarkPdf(), BenchmarkLists(), BenchmarkReport(), BenchmarkCircuits(), BenchmarkFirstVisit()])
            root.Subcommands.Add(verb);
        return root;
    }

    private static Command CreateAdmin()
    {
        var email = Required<string>("--email", "EMAIL", "E-mail address of the new administrator, also the sign-in name");
        var name = new Option<string>("--name") { HelpName = "NAME", Description = "Display name (default: the e-mail address)" };
        return Verb("create-admin", "Creates an administrator; the password is read from PORTAL_ADMIN_PASSWORD, or asked for.",
            [email, name], (app, parse) => AdminCommands.CreateAdminAsync(app, parse.GetRequiredValue(email), parse.GetValue(name)));
    }

    private static Command Backup()
    {
        var output = Required<string>("--out", "FILE.zip", "The archive to write: the SQLite database and the attachments");
        return Verb("backup", "Backs up the SQLite database and the attachments into one archive; safe while the portal runs.",
            [output], (app, parse) => AdminCommands.BackupAsync(app, parse.GetRequiredValue(output)));
    }

    private static Command Restore()
    {
        var from = Required<string>("--from", "FILE.zip", "An archive written by backup");
        from.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } path && !File.Exists(path)) result.AddError($"--from: there is no file {path}.");
        });
        return Verb("restore", "Restores a backup into the data folder, keeping what it replaces aside; stop the portal first.",
            [from], (app, parse) => AdminCommands.RestoreAsync(app, parse.GetRequiredValue(from)));
    }

    private static Command ExportMinutes()
    {
        var output = Required<string>("--out", "DIR", "The folder to write the PDF files into");
        var meeting = new Option<int?>("--meeting") { HelpName = "ID", Description = "The meeting whose minutes to print (give this or --year)" };
        var year = new Option<int?>("--year") { HelpName = "YEAR", Description = "Every meeting of a year, Buddhist (2567) or Gregorian (2024)" };
        var language = new Option<string>("--lang") { Description = "Language of the minutes", DefaultValueFactory = _ => "th" };
        language.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "th", "en", "bilingual");
        var command = Verb("export-minutes", "Prints minutes as PDF files, one meeting's or a whole year's.", [output, meeting, year, language],
            (app, parse) => MinutesCommands.ExportAsync(app, parse.GetRequiredValue(output), parse.GetValue(meeting), parse.GetValue(year),
                PrintLanguages.Parse(parse.GetValue(language))));
        command.Validators.Add(result =>
        {
            if (result.GetResult(meeting) is null && result.GetResult(year) is null) result.AddError("Give --meeting ID or --year YEAR.");
        });
        return command;
    }

    private static Command SeedSynthetic()
    {
        var organizations = Count("--organizations", 2_000, "Organizations to add");
        var people = Count("--people", 20_000, "People to add");
        var meetings = Count("--meetings", 10_000, "Meetings to add");
        var actionItems = Count("--action-items", 100_000, "Action items to add");
        var attendees = Count("--attendees", 50_000, "Attendances to add, spread over the meetings");
        return Verb("seed-synthetic", "Fills the database with a large made-up data set for the benchmarks; never in Production.",
            [organizations, people, meetings, actionItems, attendees], (app, parse) => AdminCommands.SeedSyntheticAsync(app, new SyntheticData.Counts(
                parse.GetValue(organizations), parse.GetValue(people), parse.GetValue(meetings), parse.GetValue(actionItems), parse.GetValue(attendees))));
    }

    private static Command BenchmarkPdf()
    {
        var count = Count("--count", 40, "Documents to print in each measurement");
        return Verb("benchmark-pdf", "Measures printing the demo workshop's minutes: one at a time, four at once, under a frozen browser.",
            [count], (app, parse) => MinutesCommands.BenchmarkAsync(app, parse.GetValue(count)));
    }

    private static Command BenchmarkLists() =>
        Verb("benchmark-lists", "Times the queries behind the list pages on the database as it is (see seed-synthetic).",
            [], (app, _) => AdminCommands.BenchmarkListsAsync(app));

    private static Command BenchmarkReport()
    {
        var runs = Count("--runs", 10, "Timed runs of each query; the median and the slowest are reported");
        return Verb("benchmark-report", "Times the engagement report on the synthetic data set, seeding it first into a database that holds less.",
            [runs], (app, parse) => AdminCommands.BenchmarkReportAsync(app, parse.GetValue(runs)));
    }

    private static Command BenchmarkCircuits()
    {
        var url = Url("http://127.0.0.1:5099");
        var pid = Required<int>("--pid", "PID", "Process id of that portal, whose memory is measured");
        var (email, password) = Account();
        var count = Count("--count", 50, "Pages to hold open at once");
        var rounds = Count("--rounds", 5, "Times to open and close them");
        return Verb("benchmark-circuits", "Opens many interactive pages at once in headless Chromium against a running portal and reports its memory.",
            [url, pid, email, password, count, rounds], (app, parse) => CircuitBenchmark.RunAsync(parse.GetRequiredValue(url), parse.GetValue(pid),
                parse.GetRequiredValue(email), parse.GetRequiredValue(password), parse.GetValue(count), parse.GetValue(rounds), Chromium(app)));
    }

    private static Command BenchmarkFirstVisit()
    {
        var url = Url("http://127.0.0.1:5000");
        var (email, password) = Account();
        var runs = Count("--runs", 5, "Visits per network profile; the median is reported");
        return Verb("benchmark-first-visit", "Measures what a phone pays to open the dashboard of a running portal, first and repeat visit.",
            [url, email, password, runs], (app, parse) => FirstVisitBenchmark.RunAsync(parse.GetRequiredValue(url),
                parse.GetRequiredValue(email), parse.GetRequiredValue(password), parse.GetValue(runs), Chromium(app)));
    }

    /// <summary>A verb runs on the portal's services, built as for the web app but not started.</summary>
    private static Command Verb(string name, string description, Option[] options, Func<WebApplication, ParseResult, Task<int>> run)
    {
        var command = new Command(name, description);
        foreach (var option in options) command.Options.Add(option);
        command.SetAction(async (parse, _) =>
        {
            var builder = WebApplication.CreateBuilder();
            builder.AddPortal();
            // Disposing the services closes Chromium, which the print commands start.
            await using var app = builder.Build();
            return await run(app, parse);
        });
        return command;
    }

    private static Option<T> Required<T>(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description, Required = true };

    private static Option<int> Count(string name, int fallback, string description) =>
        new(name) { HelpName = "N", Description = description, DefaultValueFactory = _ => fallback };

    private static Option<string> Url(string fallback) =>
        new("--url") { HelpName = "URL", Description = "Address of the running portal", DefaultValueFactory = _ => fallback };

    private static (Option<string> Email, Option<string> Password) Account() =>
        (Required<string>("--email", "EMAIL", "Account to sign in with"), Required<string>("--password", "PASSWORD", "Its password"));

    private static string Chromium(WebApplication app) => app.Configuration["Portal:Chromium"] ?? "/usr/bin/chromium";
}
