using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Tests.Native;

public sealed class InteropLibcTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("largeimage-statx-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [SkippableFact]
    public void Statx_reads_the_size_and_last_write_time_FileInfo_reads()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "statx is Linux only");
        var path = Path.Combine(folder, "a.tif");
        File.WriteAllBytes(path, new byte[12345]);
        // Sub-second ticks, so a lost or misplaced nanoseconds field shows.
        File.SetLastWriteTimeUtc(path, new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(8_901_234));

        Assert.True(Interop.Libc.TryStatRegularFile(path, out var length, out var ticks) == true);

        var info = new FileInfo(path);
        Assert.Equal(info.Length, length);
        Assert.Equal(info.LastWriteTimeUtc.Ticks, ticks);
    }

    [SkippableFact]
    public void Statx_follows_links_and_finds_no_file_in_missing_paths_folders_or_fifos()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "statx is Linux only");
        CliTool.SkipIfMissing("mkfifo");
        var target = Path.Combine(folder, "target.tif");
        File.WriteAllBytes(target, new byte[77]);
        var link = Path.Combine(folder, "link.tif");
        File.CreateSymbolicLink(link, target);
        var fifo = Path.Combine(folder, "pipe.tif");
        CliTool.Run("mkfifo", fifo);

        Assert.True(Interop.Libc.TryStatRegularFile(link, out var length, out _) == true);
        Assert.Equal(77, length);
        Assert.Equal(false, Interop.Libc.TryStatRegularFile(Path.Combine(folder, "missing.tif"), out _, out _));
        Assert.Equal(false, Interop.Libc.TryStatRegularFile(folder, out _, out _));
        Assert.Equal(false, Interop.Libc.TryStatRegularFile(fifo, out _, out _));
    }
}
