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

        [LibraryImport(NativeLibraryLoader.Libc)]
        private static partial int malloc_trim(nuint pad);
    }
}
