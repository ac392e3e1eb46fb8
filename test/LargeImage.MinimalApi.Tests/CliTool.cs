using System.Diagnostics;

namespace LargeImage.MinimalApi.Tests;

/// <summary>
/// Runs reference command-line tools (gdalinfo, gdalwarp, gdal_translate, gdallocationinfo, …) as independent
/// oracles. Tests skip when a tool is not installed rather than fail.
/// </summary>
internal static class CliTool
{
    private static readonly Dictionary<string, bool> Found = new(StringComparer.Ordinal);

    /// <summary>Whether an executable is on PATH.</summary>
    public static bool Exists(string tool)
    {
        lock (Found)
        {
            if (!Found.TryGetValue(tool, out var found))
            {
                var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
                found = path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                    .Any(dir => File.Exists(System.IO.Path.Combine(dir, tool)));
                Found[tool] = found;
            }

            return found;
        }
    }

    /// <summary>Skips the test when any of the tools is missing.</summary>
    public static void SkipIfMissing(params string[] tools)
    {
        foreach (var tool in tools)
        {
            Skip.IfNot(Exists(tool), $"{tool} is not installed (apt-get install gdal-bin).");
        }
    }

    /// <summary>Runs a tool to completion and returns its standard output; throws with stderr on a non-zero exit.</summary>
    public static string Run(string tool, params string[] arguments) => RunWithInput(tool, null, arguments);

    /// <summary>Like <see cref="Run"/>, feeding <paramref name="input"/> to the tool's standard input.</summary>
    public static string RunWithInput(string tool, string? input, params string[] arguments)
    {
        SkipIfMissing(tool);
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout;
    }
}
