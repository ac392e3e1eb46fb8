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

    public static TimeSpan CpuTime(int pid)
    {
        // The command name in parentheses may hold spaces; user and system time are the 12th and 13th fields after it.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
