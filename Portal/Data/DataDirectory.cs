namespace Portal.Data;

/// <summary>The folder holding the SQLite database attachments (and, later, backups) (<c>Portal:DataDirectory</c>, default <c>./data</c>).</summary>
public sealed class DataDirectory
{
    public DataDirectory(IConfiguration configuration)
    {
        Path = System.IO.Path.GetFullPath(configuration["Portal:DataDirectory"] ?? "data");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string DatabaseFile => System.IO.Path.Combine(Path, "portal.db");

    public string Attachments => System.IO.Path.Combine(Path, "attachments");
}
