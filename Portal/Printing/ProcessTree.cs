namespace Portal.Printing;

/// <summary>Memory of the portal and of Chromium's process tree, from /proc (Linux).</summary>
public static class ProcessTree
{
    /// <summary>The summed proportional set size of <paramref name="pid"/> and of every process of the groups led by <paramref name="includeDescendantsOf"/>.</summary>
    public static long ProportionalBytes(int pid, IEnumerable<int> includeDescendantsOf)
    {
        var pids = new List<int> { pid };
        foreach (var root in includeDescendantsOf)
            pids.AddRange(Descendants(root));
        return pids.Distinct().Sum(Pss);
    }

    private static IEnumerable<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            }
            catch (IOException) { }
        }
        return parents.Keys.Where(pid =>
        {
            for (var depth = 0; depth < 64 && pid > 1; depth++)
            {
                if (pid == root) return true;
                if (!parents.TryGetValue(pid, out pid)) return false;
            }
            return false;
        });
    }

    private static long Pss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
