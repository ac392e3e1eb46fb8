using System.Runtime.InteropServices;
using LargeImage.MinimalApi.Errors;

namespace LargeImage.MinimalApi.Native;

internal static partial class Interop
{
    /// <summary>
    /// The few libvips calls NetVips does not expose without a managed copy per call. They bind to the libvips NetVips
    /// loaded (see <see cref="NativeLibraryLoader.Vips"/>), so images cross between the two as the same objects.
    /// </summary>
    internal static partial class Vips
    {
        private const string Library = "libvips";

        /// <summary>The imports bind through <see cref="NativeLibraryLoader"/>'s resolver, which must exist before the first call.</summary>
        static Vips() => NativeLibraryLoader.TryLoad(NativeLibraryLoader.Vips, out _);

        /// <summary>
        /// Computes a rectangle of <paramref name="image"/> on the calling thread and copies its rows into
        /// <paramref name="target"/>, one every <paramref name="targetStride"/> bytes. The rectangle must lie inside the image.
        /// </summary>
        /// <exception cref="NativeLibraryException">libvips failed to compute the pixels (e.g. a corrupt tile).</exception>
        public static unsafe void CopyRectangle(SafeHandle image, int left, int top, int width, int height, Span<byte> target, int targetStride)
        {
            var added = false;
            image.DangerousAddRef(ref added);
            try
            {
                using var region = vips_region_new(image.DangerousGetHandle());
                if (region.IsInvalid)
                {
                    throw TakeError();
                }

                var pixels = vips_region_fetch(region, left, top, width, height, out var length);
                if (pixels == IntPtr.Zero)
                {
                    throw TakeError();
                }

                try
                {
                    var rowLength = checked((int)(length / (nuint)height));
                    var source = new ReadOnlySpan<byte>((void*)pixels, checked((int)length));
                    for (var row = 0; row < height; row++)
                    {
                        source.Slice(row * rowLength, rowLength).CopyTo(target[(row * targetStride)..]);
                    }
                }
                finally
                {
                    g_free(pixels);
                }
            }
            finally
            {
                if (added)
                {
                    image.DangerousRelease();
                }
            }
        }

        public static void Unref(IntPtr gobject) => g_object_unref(gobject);

        /// <summary>libvips keeps one error log per process; this reads and clears it.</summary>
        private static NativeLibraryException TakeError()
        {
            var message = Marshal.PtrToStringUTF8(vips_error_buffer())?.Trim();
            vips_error_clear();
            return new NativeLibraryException(Library, string.IsNullOrEmpty(message) ? "unknown error" : message);
        }

        [LibraryImport(NativeLibraryLoader.Vips)]
        private static partial VipsRegionHandle vips_region_new(IntPtr image);

        [LibraryImport(NativeLibraryLoader.Vips)]
        private static partial IntPtr vips_region_fetch(VipsRegionHandle region, int left, int top, int width, int height, out nuint length);

        [LibraryImport(NativeLibraryLoader.Vips)]
        private static partial void g_free(IntPtr memory);

        [LibraryImport(NativeLibraryLoader.Vips)]
        private static partial void g_object_unref(IntPtr gobject);

        [LibraryImport(NativeLibraryLoader.Vips)]
        private static partial IntPtr vips_error_buffer();

        [LibraryImport(NativeLibraryLoader.Vips)]
        private static partial void vips_error_clear();
    }
}
