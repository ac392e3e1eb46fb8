using System.Runtime.InteropServices;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Native;

/// <summary>Raw TurboJPEG imports (C names, private) and their checked wrappers.</summary>
internal static partial class Interop
{
    internal static partial class TurboJpeg
    {
        private const int PixelFormatRgb = 0;
        private const int PixelFormatRgba = 7;
        private const int ColorspaceRgb = 0;
        private const int ColorspaceYCbCr = 1;
        private const int Subsampling444 = 0;
        private const int Subsampling420 = 2;
        private const int SubsamplingGrey = 3;
        private const int NoReallocFlag = 1024;

        /// <summary>A compressor per thread: a handle serves one call at a time, and creating one per tile costs more than the tile.</summary>
        [ThreadStatic]
        private static TurboJpegHandle? compressor;

        /// <summary>A decompressor per thread, for the same reason.</summary>
        [ThreadStatic]
        private static TurboJpegHandle? decompressor;

        /// <summary>The imports bind through <see cref="NativeLibraryLoader"/>'s resolver, which must exist before the first call.</summary>
        static TurboJpeg() => NativeLibraryLoader.TryLoad(NativeLibraryLoader.TurboJpeg, out _);

        /// <summary>Whether libturbojpeg could be loaded.</summary>
        public static bool IsAvailable => NativeLibraryLoader.TryLoad(NativeLibraryLoader.TurboJpeg, out _);

        /// <summary>
        /// Compresses straight RGBA pixels (alpha is ignored) to a baseline JPEG. Chroma is kept whole at quality 90
        /// and above and halved both ways below it, as libvips does; <paramref name="grey"/> writes one channel.
        /// </summary>
        /// <exception cref="NativeLibraryException">TurboJPEG failed.</exception>
        public static unsafe byte[] CompressRgba(ReadOnlySpan<byte> rgba, int width, int height, int quality, bool grey)
        {
            var handle = compressor ??= Create(tjInitCompress);
            var subsampling = grey ? SubsamplingGrey : quality >= 90 ? Subsampling444 : Subsampling420;

            // Compressed into a pooled worst-case buffer: letting TurboJPEG malloc one per tile cost page faults
            // and left every thread's malloc arena holding freed buffers.
            var bound = tjBufSize(width, height, subsampling);
            if (bound is 0 or > int.MaxValue)
            {
                throw new NativeLibraryException("libturbojpeg", Marshal.PtrToStringUTF8(tjGetErrorStr2(IntPtr.Zero)) ?? "invalid size");
            }

            var output = PixelBuffers.Rent((int)bound, clear: false);
            try
            {
                fixed (byte* pixels = rgba)
                fixed (byte* start = output)
                {
                    var jpeg = start;
                    var size = (nuint)output.Length;
                    if (tjCompress2(handle, pixels, width, width * 4, height, PixelFormatRgba, &jpeg, &size, subsampling, quality, NoReallocFlag) != 0)
                    {
                        throw new NativeLibraryException("libturbojpeg", Marshal.PtrToStringUTF8(tjGetErrorStr2(handle)) ?? "compression failed");
                    }

                    // Every byte is written by the copy, so the runtime need not zero the array first.
                    var encoded = GC.AllocateUninitializedArray<byte>(checked((int)size));
                    output.AsSpan(0, encoded.Length).CopyTo(encoded);
                    return encoded;
                }
            }
            finally
            {
                PixelBuffers.Return(output);
            }
        }

        /// <summary>
        /// Whether a JPEG's header says <paramref name="width"/> × <paramref name="height"/> pixels in YCbCr
        /// (<paramref name="ycbcr"/>) or RGB; null when the header does not parse.
        /// </summary>
        public static unsafe bool? HasRgbLayout(ReadOnlySpan<byte> jpeg, bool ycbcr, int width, int height)
        {
            fixed (byte* source = jpeg)
            {
                var matches = Decompress(source, jpeg.Length, ycbcr, width, height, null, 0, PixelFormatRgb, out var parsed);
                return parsed ? matches : null;
            }
        }

        /// <summary>
        /// Decodes a JPEG of exactly <paramref name="width"/> × <paramref name="height"/> three-component pixels into
        /// RGB rows (<paramref name="bands"/> 3) or RGBA rows with opaque alpha (4), <paramref name="targetStride"/> bytes
        /// apart. False, with nothing promised about the target, when the stream has another size or colour space
        /// (<paramref name="ycbcr"/> or RGB), or does not decode without warnings.
        /// </summary>
        public static unsafe bool TryDecompressRgb(
            ReadOnlySpan<byte> jpeg, bool ycbcr, Span<byte> target, int width, int height, int targetStride, int bands = 3)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(target.Length, ((height - 1) * targetStride) + (width * bands));
            fixed (byte* source = jpeg)
            fixed (byte* pixels = target)
            {
                return Decompress(source, jpeg.Length, ycbcr, width, height, pixels, targetStride, bands == 4 ? PixelFormatRgba : PixelFormatRgb, out _);
            }
        }

        /// <summary>Checks the header (<paramref name="parsed"/>) against the expected layout and, given a target, decodes into it.</summary>
        private static unsafe bool Decompress(
            byte* jpeg, int length, bool ycbcr, int width, int height, byte* target, int targetStride, int pixelFormat, out bool parsed)
        {
            var handle = decompressor ??= Create(tjInitDecompress);
            int actualWidth, actualHeight, subsampling, colorspace;
            var failed = tjDecompressHeader3(handle, jpeg, (nuint)length, &actualWidth, &actualHeight, &subsampling, &colorspace) != 0;
            parsed = !failed;
            var matches = !failed && actualWidth == width && actualHeight == height && colorspace == (ycbcr ? ColorspaceYCbCr : ColorspaceRgb);
            if (matches && target is not null)
            {
                failed = tjDecompress2(handle, jpeg, (nuint)length, target, width, targetStride, height, pixelFormat, 0) != 0;
            }

            if (failed)
            {
                // A handle that failed mid-stream refuses later good streams, so this thread starts afresh.
                decompressor = null;
                handle.Dispose();
            }

            return matches && !failed;
        }

        internal static void Destroy(nint handle) => tjDestroy(handle);

        private static TurboJpegHandle Create(Func<TurboJpegHandle> init)
        {
            var handle = init();
            if (handle.IsInvalid)
            {
                handle.Dispose();
                throw new NativeLibraryException("libturbojpeg", Marshal.PtrToStringUTF8(tjGetErrorStr2(IntPtr.Zero)) ?? "no handle");
            }

            return handle;
        }

        [LibraryImport(NativeLibraryLoader.TurboJpeg)]
        private static partial TurboJpegHandle tjInitCompress();

        [LibraryImport(NativeLibraryLoader.TurboJpeg)]
        private static unsafe partial int tjCompress2(
            TurboJpegHandle handle, byte* source, int width, int pitch, int height, int pixelFormat, byte** jpeg, nuint* jpegSize, int subsampling, int quality, int flags);

        [LibraryImport(NativeLibraryLoader.TurboJpeg)]
        private static partial TurboJpegHandle tjInitDecompress();

        [LibraryImport(NativeLibraryLoader.TurboJpeg)]
        private static unsafe partial int tjDecompressHeader3(
            TurboJpegHandle handle, byte* jpeg, nuint jpegSize, int* width, int* height, int* subsampling, int* colorspace);

        [LibraryImport(NativeLibraryLoader.TurboJpeg)]
        private static unsafe partial int tjDecompress2(
            TurboJpegHandle handle, byte* jpeg, nuint jpegSize, byte* destination, int width, int pitch, int height, int pixelFormat, int flags);

        [LibraryImport(NativeLibraryLoader.TurboJpeg)]
        private static partial nuint tjBufSize(int width, int height, int subsampling);

        [LibraryImport(NativeLibraryLoader.TurboJpeg)]
        private static partial nint tjGetErrorStr2(TurboJpegHandle handle);

        [LibraryImport(NativeLibraryLoader.TurboJpeg)]
        private static partial nint tjGetErrorStr2(nint handle);

        [LibraryImport(NativeLibraryLoader.TurboJpeg)]
        private static partial int tjDestroy(nint handle);
    }
}
