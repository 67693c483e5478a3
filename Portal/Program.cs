using Portal.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();
var app = builder.Build();

if (AdminCommands.IsCommand(args))
{
    try
    {
        return await AdminCommands.RunAsync(app, args);
    }
    finally
    {
        // Disposing the services closes Chromium, which the print commands start.
        await app.DisposeAsync();
    }
}

app.UsePortal();
await app.PrepareDataAsync();
await app.RunAsync();
return 0;

public partial class Program;
