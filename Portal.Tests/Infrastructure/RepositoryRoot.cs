namespace Portal.Tests.Infrastructure;

public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Portal.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the test binaries.");
    }
}
