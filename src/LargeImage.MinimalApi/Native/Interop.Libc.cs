using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>The import binds through <see cref="NativeLibraryLoader"/>'s resolver, which must exist before the first call.</summary>
        static Libc() => NativeLibraryLoader.TryLoad(NativeLibraryLoader.Libc, out _);

        /// <summary>
        /// Returns the free pages of every glibc malloc arena to the kernel (<c>malloc_trim(0)</c>); true when any were.
        /// </summary>
        /// <exception cref="DllNotFoundException">The C library is not glibc.</exception>
        /// <exception cref="EntryPointNotFoundException">The C library has no <c>malloc_trim</c>.</exception>
        public static bool TrimMallocArenas() => malloc_trim(0) != 0;

        /// <summary>
        /// The size and last write time (UTC ticks) of the regular file <paramref name="path"/> names, links followed,
        /// from one <c>statx</c>; false when there is none (missing, unreadable, a directory, a FIFO or a device), null
        /// when <c>statx</c> itself is refused (a container's seccomp filter older than the call answers EPERM, and glibc
        /// emulates it only on ENOSYS). <see cref="FileInfo"/> needs the same stat plus a <c>geteuid</c> and a path
        /// normalisation, on every request.
        /// </summary>
        /// <exception cref="DllNotFoundException">The C library is not glibc.</exception>
        /// <exception cref="EntryPointNotFoundException">The C library has no <c>statx</c> (glibc before 2.28).</exception>
        public static unsafe bool? TryStatRegularFile(string path, out long length, out long lastWriteTicks)
        {
            const int CurrentDirectory = -100; // AT_FDCWD: a relative path would resolve as open() resolves it
            const uint Needed = 0x1 | 0x40 | 0x200; // STATX_TYPE | STATX_MTIME | STATX_SIZE
            const int TypeBits = 0xF000;
            const int RegularFile = 0x8000;

            const int NotPermitted = 1; // EPERM
            const int NotImplemented = 38; // ENOSYS

            StatxBuffer buffer;
            length = 0;
            lastWriteTicks = 0;
            if (statx(CurrentDirectory, path, 0, Needed, &buffer) != 0)
            {
                return Marshal.GetLastPInvokeError() is NotPermitted or NotImplemented ? null : false;
            }

            if ((buffer.Mask & Needed) != Needed || (buffer.Mode & TypeBits) != RegularFile)
            {
                return false;
            }

            length = (long)buffer.Size;
            lastWriteTicks = DateTime.UnixEpoch.Ticks + (buffer.ModifiedSeconds * TimeSpan.TicksPerSecond) + (buffer.ModifiedNanoseconds / 100);
            return true;
        }

        [LibraryImport(NativeLibraryLoader.Libc)]
        private static partial int malloc_trim(nuint pad);

        [LibraryImport(NativeLibraryLoader.Libc, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        private static unsafe partial int statx(int directory, string path, int flags, uint mask, StatxBuffer* buffer);
    }
}
