using System.Globalization;

namespace LargeImage.MinimalApi.LoadTest;

/// <summary>CPU time another process has used, from <c>/proc/PID/stat</c> (Linux).</summary>
internal static class ProcessCpu
{
    /// <summary>Linux reports these times in USER_HZ ticks, 100 per second on every supported architecture.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan Used(int pid)
    {
        // The command name in parentheses may hold spaces; user and system time are the 12th and 13th fields after it.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
