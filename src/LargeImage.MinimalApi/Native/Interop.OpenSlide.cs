using System.Buffers;
using System.Runtime.InteropServices;
using LargeImage.MinimalApi.Errors;

namespace LargeImage.MinimalApi.Native;

/// <summary>Raw OpenSlide imports (C names, private) and their checked wrappers.</summary>
internal static partial class Interop
{
    internal static partial class OpenSlide
    {
        private const string Library = "OpenSlide";

        /// <summary>
        /// OpenSlide 4.0 added ICC profiles; 3.4.1 (Debian 12) lacks the symbols, so they are bound lazily
        /// through function pointers instead of imports that would fail to bind.
        /// </summary>
        private static readonly Lazy<IccExports> Icc = new(ProbeIcc);

        /// <summary>The imports bind through <see cref="NativeLibraryLoader"/>'s resolver, which must exist before the first call.</summary>
        static OpenSlide() => NativeLibraryLoader.TryLoad(NativeLibraryLoader.OpenSlide, out _);

        public static string Version()
        {
            var version = openslide_get_version();
            return Marshal.PtrToStringUTF8(version) ?? "unknown";
        }

        /// <summary>The vendor OpenSlide detects, or null when it cannot read the file.</summary>
        public static string? DetectVendor(string path) => Marshal.PtrToStringUTF8(openslide_detect_vendor(path));

        /// <summary>Opens a slide; null when OpenSlide does not recognise the format.</summary>
        /// <exception cref="NativeLibraryException">OpenSlide recognised the file but failed to open it.</exception>
        public static OpenSlideHandle? Open(string path)
        {
            var handle = openslide_open(path);
            if (handle.IsInvalid)
            {
                handle.Dispose();
                return null;
            }

            try
            {
                ThrowIfError(handle);
            }
            catch
            {
                handle.Dispose();
                throw;
            }

            return handle;
        }

        public static int GetLevelCount(OpenSlideHandle slide)
        {
            var count = openslide_get_level_count(slide);
            ThrowIfError(slide);
            return count;
        }

        public static (long Width, long Height) GetLevelDimensions(OpenSlideHandle slide, int level)
        {
            openslide_get_level_dimensions(slide, level, out var width, out var height);
            ThrowIfError(slide);
            return (width, height);
        }

        public static double GetLevelDownsample(OpenSlideHandle slide, int level)
        {
            var downsample = openslide_get_level_downsample(slide, level);
            ThrowIfError(slide);
            return downsample;
        }

        public static int GetBestLevelForDownsample(OpenSlideHandle slide, double downsample)
        {
            var level = openslide_get_best_level_for_downsample(slide, downsample);
            ThrowIfError(slide);
            return level;
        }

        /// <summary>
        /// Reads a region as straight (un-premultiplied) RGBA bytes. <paramref name="x"/>/<paramref name="y"/> are in
        /// level-0 pixels, the size in pixels of <paramref name="level"/>; areas outside the slide come back
        /// transparent.
        /// </summary>
        public static byte[] ReadRegion(OpenSlideHandle slide, long x, long y, int level, int width, int height)
        {
            var rgba = new byte[checked(width * height * 4)];
            ReadRegion(slide, x, y, level, width, height, rgba, width * 4);
            return rgba;
        }

        /// <summary>As above, into <paramref name="target"/>: one row of the region every <paramref name="targetStride"/> bytes.</summary>
        public static void ReadRegion(OpenSlideHandle slide, long x, long y, int level, int width, int height, Span<byte> target, int targetStride)
        {
            var pixels = checked(width * height);
            var argb = ArrayPool<uint>.Shared.Rent(pixels);
            try
            {
                openslide_read_region(slide, argb, x, y, level, width, height);
                ThrowIfError(slide);
                for (var row = 0; row < height; row++)
                {
                    PremultipliedArgb.ToStraightRgba(argb.AsSpan(row * width, width), target.Slice(row * targetStride, width * 4));
                }
            }
            finally
            {
                ArrayPool<uint>.Shared.Return(argb);
            }
        }

        public static IReadOnlyList<string> GetPropertyNames(OpenSlideHandle slide)
        {
            var names = ReadStringList(openslide_get_property_names(slide));
            ThrowIfError(slide);
            return names;
        }

        public static string? GetPropertyValue(OpenSlideHandle slide, string name)
        {
            var value = Marshal.PtrToStringUTF8(openslide_get_property_value(slide, name));
            ThrowIfError(slide);
            return value;
        }

        public static IReadOnlyList<string> GetAssociatedImageNames(OpenSlideHandle slide)
        {
            var names = ReadStringList(openslide_get_associated_image_names(slide));
            ThrowIfError(slide);
            return names;
        }

        public static (long Width, long Height) GetAssociatedImageDimensions(OpenSlideHandle slide, string name)
        {
            openslide_get_associated_image_dimensions(slide, name, out var width, out var height);
            ThrowIfError(slide);
            return (width, height);
        }

        /// <summary>Reads an associated image whole as straight RGBA bytes.</summary>
        public static byte[] ReadAssociatedImage(OpenSlideHandle slide, string name, int width, int height)
        {
            var pixels = checked(width * height);
            var argb = ArrayPool<uint>.Shared.Rent(pixels);
            try
            {
                openslide_read_associated_image(slide, name, argb);
                ThrowIfError(slide);
                return PremultipliedArgb.ToStraightRgba(argb.AsSpan(0, pixels));
            }
            finally
            {
                ArrayPool<uint>.Shared.Return(argb);
            }
        }

        /// <summary>Whether the loaded OpenSlide can report ICC profiles (4.0 and later).</summary>
        public static bool HasIccProfiles => Icc.Value.Available;

        /// <summary>The slide's ICC profile, or null when there is none or the library predates ICC support.</summary>
        public static unsafe byte[]? ReadIccProfile(OpenSlideHandle slide)
        {
            var icc = Icc.Value;
            if (!icc.Available)
            {
                return null;
            }

            var added = false;
            try
            {
                slide.DangerousAddRef(ref added);
                var raw = slide.DangerousGetHandle();
                var size = ((delegate* unmanaged<IntPtr, long>)icc.GetSize)(raw);
                ThrowIfError(slide);
                if (size <= 0)
                {
                    return null;
                }

                var profile = new byte[size];
                fixed (byte* destination = profile)
                {
                    ((delegate* unmanaged<IntPtr, byte*, void>)icc.Read)(raw, destination);
                }

                ThrowIfError(slide);
                return profile;
            }
            finally
            {
                if (added)
                {
                    slide.DangerousRelease();
                }
            }
        }

        internal static void Close(IntPtr slide) => openslide_close(slide);

        /// <summary>
        /// The one place OpenSlide errors become exceptions. OpenSlide latches the first error on the handle and
        /// every later call on it fails, so callers that survive an error must reopen.
        /// </summary>
        private static void ThrowIfError(OpenSlideHandle slide)
        {
            var error = openslide_get_error(slide);
            if (error != IntPtr.Zero)
            {
                throw new NativeLibraryException(Library, Marshal.PtrToStringUTF8(error) ?? "unknown error");
            }
        }

        private static List<string> ReadStringList(IntPtr list)
        {
            var result = new List<string>();
            if (list == IntPtr.Zero)
            {
                return result;
            }

            for (var i = 0; ; i++)
            {
                var item = Marshal.ReadIntPtr(list, i * IntPtr.Size);
                if (item == IntPtr.Zero)
                {
                    return result;
                }

                result.Add(Marshal.PtrToStringUTF8(item) ?? string.Empty);
            }
        }

        private static IccExports ProbeIcc()
        {
            if (!NativeLibrary.TryLoad(NativeLibraryLoader.OpenSlide, typeof(OpenSlide).Assembly, null, out var library)
                || !NativeLibrary.TryGetExport(library, "openslide_get_icc_profile_size", out var getSize)
                || !NativeLibrary.TryGetExport(library, "openslide_read_icc_profile", out var read))
            {
                return default;
            }

            return new IccExports(getSize, read);
        }

        [LibraryImport(NativeLibraryLoader.OpenSlide, StringMarshalling = StringMarshalling.Utf8)]
        private static partial IntPtr openslide_detect_vendor(string filename);

        [LibraryImport(NativeLibraryLoader.OpenSlide, StringMarshalling = StringMarshalling.Utf8)]
        private static partial OpenSlideHandle openslide_open(string filename);

        [LibraryImport(NativeLibraryLoader.OpenSlide)]
        private static partial void openslide_close(IntPtr osr);

        [LibraryImport(NativeLibraryLoader.OpenSlide)]
        private static partial IntPtr openslide_get_error(OpenSlideHandle osr);

        [LibraryImport(NativeLibraryLoader.OpenSlide)]
        private static partial int openslide_get_level_count(OpenSlideHandle osr);

        [LibraryImport(NativeLibraryLoader.OpenSlide)]
        private static partial void openslide_get_level_dimensions(OpenSlideHandle osr, int level, out long w, out long h);

        [LibraryImport(NativeLibraryLoader.OpenSlide)]
        private static partial double openslide_get_level_downsample(OpenSlideHandle osr, int level);

        [LibraryImport(NativeLibraryLoader.OpenSlide)]
        private static partial int openslide_get_best_level_for_downsample(OpenSlideHandle osr, double downsample);

        [LibraryImport(NativeLibraryLoader.OpenSlide)]
        private static partial void openslide_read_region(OpenSlideHandle osr, [Out] uint[] dest, long x, long y, int level, long w, long h);

        [LibraryImport(NativeLibraryLoader.OpenSlide)]
        private static partial IntPtr openslide_get_property_names(OpenSlideHandle osr);

        [LibraryImport(NativeLibraryLoader.OpenSlide, StringMarshalling = StringMarshalling.Utf8)]
        private static partial IntPtr openslide_get_property_value(OpenSlideHandle osr, string name);

        [LibraryImport(NativeLibraryLoader.OpenSlide)]
        private static partial IntPtr openslide_get_associated_image_names(OpenSlideHandle osr);

        [LibraryImport(NativeLibraryLoader.OpenSlide, StringMarshalling = StringMarshalling.Utf8)]
        private static partial void openslide_get_associated_image_dimensions(OpenSlideHandle osr, string name, out long w, out long h);

        [LibraryImport(NativeLibraryLoader.OpenSlide, StringMarshalling = StringMarshalling.Utf8)]
        private static partial void openslide_read_associated_image(OpenSlideHandle osr, string name, [Out] uint[] dest);

        [LibraryImport(NativeLibraryLoader.OpenSlide)]
        private static partial IntPtr openslide_get_version();

        private readonly record struct IccExports(IntPtr GetSize, IntPtr Read)
        {
            public bool Available => GetSize != IntPtr.Zero && Read != IntPtr.Zero;
        }
    }
}
