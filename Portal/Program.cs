using Portal.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();
var app = builder.Build();

if (AdminCommands.IsCommand(args))
    return await AdminCommands.RunAsync(app, args);

app.UsePortal();
await app.PrepareDataAsync();
await app.RunAsync();
return 0;

public partial class Program;
