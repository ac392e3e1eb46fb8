using System.Globalization;

namespace LargeImage.MinimalApi.LoadTest;

/// <summary>Another process's resident set size and CPU time, from <c>/proc/PID</c> (Linux).</summary>
internal static class ProcessStats
{
    /// <summary>Linux reports CPU times in USER_HZ ticks, 100 per second on every supported architecture.</summary>
    private const double TicksPerSecond = 100;

    public static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        // "VmRSS:     123456 kB"
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// CPU time of the process and of its children, alive ones included: a web server's FastCGI processes work for it.
    /// </summary>
    public static TimeSpan CpuTime(int pid) => TimeSpan.FromSeconds(WithChildren(pid).Sum(OwnTicks) / TicksPerSecond);

    private static IEnumerable<int> WithChildren(int pid) => Children(pid).SelectMany(WithChildren).Prepend(pid);

    private static List<int> Children(int pid)
    {
        try
        {
            return [.. Directory.GetDirectories($"/proc/{pid}/task")
                .SelectMany(task => ReadIfThere(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(child => int.Parse(child, CultureInfo.InvariantCulture))];
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    private static long OwnTicks(int pid)
    {
        // The command name in parentheses may hold spaces; user and system time are the 12th and 13th fields after it.
        var stat = ReadIfThere($"/proc/{pid}/stat");
        if (stat.Length == 0)
        {
            return 0;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>The file's text, or nothing for a thread or process that ended since it was listed.</summary>
    private static string ReadIfThere(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
