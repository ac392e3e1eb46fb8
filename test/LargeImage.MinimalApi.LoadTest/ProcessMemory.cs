namespace LargeImage.MinimalApi.LoadTest;

/// <summary>Resident set size of another process, from <c>/proc/PID/status</c> (Linux).</summary>
internal static class ProcessMemory
{
    public static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        // "VmRSS:     123456 kB"
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
