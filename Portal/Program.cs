using Portal.Hosting;

// A verb (create-admin, backup, …; `--help` lists them, Hosting/CommandLine.cs declares them) runs and exits;
// without one the portal serves the web app.
return await CommandLine.RunAsync(args, ServeAsync);

static async Task<int> ServeAsync(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPortal();
    var app = builder.Build();
    app.UsePortal();
    await app.PrepareDataAsync();
    await app.RunAsync();
    return 0;
}

public partial class Program;
