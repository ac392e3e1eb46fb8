using System.Runtime.InteropServices;
using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Tests.Native;

public sealed class NativeHeapTests
{
    private const int BlockBytes = 4096;
    private const int Blocks = 16384;

    [SkippableFact]
    public void Trimming_returns_freed_memory_below_the_top_of_the_heap_to_the_kernel()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/proc/self/statm"), "malloc_trim and /proc are glibc/Linux only");

        // 64 MiB of small blocks, touched, then a block above them: once they are freed they lie below the top of the
        // heap, where glibc keeps them resident however long they stay unused.
        var ones = Enumerable.Repeat((byte)1, BlockBytes).ToArray();
        var blocks = new nint[Blocks];
        for (var i = 0; i < Blocks; i++)
        {
            // AllocHGlobal is malloc on Unix.
            blocks[i] = Marshal.AllocHGlobal(BlockBytes);
            Marshal.Copy(ones, 0, blocks[i], BlockBytes);
        }

        var pin = Marshal.AllocHGlobal(BlockBytes);
        try
        {
            foreach (var block in blocks)
            {
                Marshal.FreeHGlobal(block);
            }

            var before = ResidentBytes();
            var trimmed = NativeHeap.Trim();
            var after = ResidentBytes();

            Assert.True(trimmed);
            Assert.True(before - after >= 32L << 20, $"RSS fell by {(before - after) >> 20} MiB, expected at least 32 of the 64 freed");
        }
        finally
        {
            Marshal.FreeHGlobal(pin);
        }
    }

    private static long ResidentBytes() =>
        long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
}
