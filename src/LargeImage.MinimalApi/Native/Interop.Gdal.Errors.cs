using System.Runtime.InteropServices;
using LargeImage.MinimalApi.Errors;

namespace LargeImage.MinimalApi.Native;

internal static partial class Interop
{
    internal static partial class Gdal
    {
        private const int CeFailure = 3;

        /// <summary>
        /// Clears the calling thread's last error before a call, so a failure reports its own message rather than a
        /// stale one (GDAL keeps the last error per thread).
        /// </summary>
        internal static void ResetError() => CPLErrorReset();

        /// <summary>Throws unless a <c>CPLErr</c> result is <c>CE_None</c> or a warning.</summary>
        internal static void Check(int cplErr, string operation)
        {
            if (cplErr >= CeFailure)
            {
                throw LastError(operation);
            }
        }

        /// <summary>
        /// The one place where GDAL's error state becomes an exception: the thread's last error message and number,
        /// or a generic message naming the operation when GDAL recorded none.
        /// </summary>
        internal static NativeLibraryException LastError(string operation)
        {
            var message = PtrToString(CPLGetLastErrorMsg());
            var code = CPLGetLastErrorNo();
            CPLErrorReset();
            return new NativeLibraryException(
                "GDAL",
                string.IsNullOrWhiteSpace(message) ? $"{operation} failed" : message,
                code);
        }

        /// <summary>
        /// GDAL's default handler prints every warning to stderr. A handler that drops them keeps the console clean;
        /// GDAL records the message per thread before calling any handler, which is all <see cref="LastError"/> needs.
        /// </summary>
        private static unsafe void InstallErrorHandler() => CPLSetErrorHandler((nint)(delegate* unmanaged[Cdecl]<int, int, nint, void>)&IgnoreError);

        [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
        private static void IgnoreError(int errorClass, int errorNumber, nint message)
        {
        }

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial void CPLErrorReset();

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint CPLGetLastErrorMsg();

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int CPLGetLastErrorNo();

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint CPLSetErrorHandler(nint handler);
    }
}
