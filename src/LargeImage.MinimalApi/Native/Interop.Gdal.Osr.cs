using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

internal static partial class Interop
{
    internal static partial class Gdal
    {
        private const int OamsTraditionalGisOrder = 0;

        /// <summary>An SRS from an EPSG code, in x = easting/longitude order.</summary>
        internal static OgrSpatialReferenceHandle SrsFromEpsg(int code) =>
            NewSrs(srs => OSRImportFromEPSG(srs, code), $"EPSG:{code}");

        /// <summary>An SRS from WKT, in x = easting/longitude order.</summary>
        internal static OgrSpatialReferenceHandle SrsFromWkt(string wkt)
        {
            EnsureInitialized();
            ResetError();
            var srs = OSRNewSpatialReference(wkt);
            if (srs.IsInvalid)
            {
                srs.Dispose();
                throw LastError("parsing WKT");
            }

            OSRSetAxisMappingStrategy(srs, OamsTraditionalGisOrder);
            return srs;
        }

        /// <summary>An SRS from a PROJ string (<c>+proj=…</c>), in x = easting/longitude order.</summary>
        internal static OgrSpatialReferenceHandle SrsFromProj4(string proj4) =>
            NewSrs(srs => OSRImportFromProj4(srs, proj4), proj4);

        /// <summary>
        /// An SRS from anything <c>OSRSetFromUserInput</c> accepts. That includes file names and URLs, so callers
        /// must only pass text they have validated.
        /// </summary>
        internal static OgrSpatialReferenceHandle SrsFromUserInput(string definition) =>
            NewSrs(srs => OSRSetFromUserInput(srs, definition), definition);

        internal static void DestroySpatialReference(nint srs) => OSRDestroySpatialReference(srs);

        internal static string ExportToWkt(OgrSpatialReferenceHandle srs) =>
            Export(srs, (OgrSpatialReferenceHandle h, out nint text) => OSRExportToWkt(h, out text), "exporting WKT");

        internal static string ExportToProjJson(OgrSpatialReferenceHandle srs) =>
            Export(srs, (OgrSpatialReferenceHandle h, out nint text) => OSRExportToPROJJSON(h, out text, 0), "exporting PROJJSON");

        internal static string ExportToProj4(OgrSpatialReferenceHandle srs) =>
            Export(srs, (OgrSpatialReferenceHandle h, out nint text) => OSRExportToProj4(h, out text), "exporting PROJ string");

        /// <summary>
        /// The SRS's <c>AUTHORITY:CODE</c> (e.g. <c>EPSG:32618</c>), identifying it from the EPSG database when the
        /// definition names no authority; null when it matches no code.
        /// </summary>
        internal static string? GetAuthorityCode(OgrSpatialReferenceHandle srs)
        {
            var name = PtrToString(OSRGetAuthorityName(srs, null));
            var code = PtrToString(OSRGetAuthorityCode(srs, null));
            if (name is null || code is null)
            {
                ResetError();
                if (OSRAutoIdentifyEPSG(srs) != 0)
                {
                    ResetError();
                    return null;
                }

                name = PtrToString(OSRGetAuthorityName(srs, null));
                code = PtrToString(OSRGetAuthorityCode(srs, null));
            }

            return name is null || code is null ? null : $"{name}:{code}";
        }

        internal static bool IsGeographic(OgrSpatialReferenceHandle srs) => OSRIsGeographic(srs) != 0;

        internal static bool IsProjected(OgrSpatialReferenceHandle srs) => OSRIsProjected(srs) != 0;

        /// <summary>Metres per linear unit of a projected SRS.</summary>
        internal static double GetLinearUnits(OgrSpatialReferenceHandle srs) => OSRGetLinearUnits(srs, 0);

        internal static OgrCoordinateTransformationHandle NewCoordinateTransformation(
            OgrSpatialReferenceHandle source, OgrSpatialReferenceHandle target)
        {
            ResetError();
            var transformation = OCTNewCoordinateTransformation(source, target);
            if (transformation.IsInvalid)
            {
                transformation.Dispose();
                throw LastError("creating a coordinate transformation");
            }

            return transformation;
        }

        internal static void DestroyCoordinateTransformation(nint transformation) =>
            OCTDestroyCoordinateTransformation(transformation);

        /// <summary>
        /// Transforms points in place; <paramref name="success"/> tells which did. Returns whether all did. Points
        /// that fail are left as GDAL left them (often infinity).
        /// </summary>
        internal static unsafe bool Transform(
            OgrCoordinateTransformationHandle transformation, Span<double> x, Span<double> y, Span<int> success)
        {
            if (y.Length != x.Length || success.Length != x.Length)
            {
                throw new ArgumentException("Coordinate spans must have equal lengths.");
            }

            fixed (double* px = x)
            fixed (double* py = y)
            fixed (int* ok = success)
            {
                ResetError();
                var all = OCTTransformEx(transformation, x.Length, px, py, null, ok) != 0;
                ResetError();
                return all;
            }
        }

        private static OgrSpatialReferenceHandle NewSrs(Func<OgrSpatialReferenceHandle, int> import, string what)
        {
            EnsureInitialized();
            ResetError();
            var srs = OSRNewSpatialReference(null);
            if (srs.IsInvalid || import(srs) != 0)
            {
                var error = LastError($"parsing the spatial reference {what}");
                srs.Dispose();
                throw error;
            }

            OSRSetAxisMappingStrategy(srs, OamsTraditionalGisOrder);
            return srs;
        }

        private static string Export(OgrSpatialReferenceHandle srs, ExportFunc export, string what)
        {
            ResetError();
            var err = export(srs, out var text);
            var value = TakeString(text);
            return err == 0 && value is not null ? value : throw LastError(what);
        }

        private delegate int ExportFunc(OgrSpatialReferenceHandle srs, out nint text);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial OgrSpatialReferenceHandle OSRNewSpatialReference(string? wkt);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial void OSRDestroySpatialReference(nint srs);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int OSRImportFromEPSG(OgrSpatialReferenceHandle srs, int code);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int OSRImportFromProj4(OgrSpatialReferenceHandle srs, string proj4);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int OSRSetFromUserInput(OgrSpatialReferenceHandle srs, string definition);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int OSRExportToWkt(OgrSpatialReferenceHandle srs, out nint wkt);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int OSRExportToPROJJSON(OgrSpatialReferenceHandle srs, out nint json, nint options);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int OSRExportToProj4(OgrSpatialReferenceHandle srs, out nint proj4);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial nint OSRGetAuthorityName(OgrSpatialReferenceHandle srs, string? targetKey);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial nint OSRGetAuthorityCode(OgrSpatialReferenceHandle srs, string? targetKey);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int OSRAutoIdentifyEPSG(OgrSpatialReferenceHandle srs);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial void OSRSetAxisMappingStrategy(OgrSpatialReferenceHandle srs, int strategy);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int OSRIsGeographic(OgrSpatialReferenceHandle srs);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int OSRIsProjected(OgrSpatialReferenceHandle srs);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial double OSRGetLinearUnits(OgrSpatialReferenceHandle srs, nint name);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial OgrCoordinateTransformationHandle OCTNewCoordinateTransformation(
            OgrSpatialReferenceHandle source, OgrSpatialReferenceHandle target);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial void OCTDestroyCoordinateTransformation(nint transformation);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static unsafe partial int OCTTransformEx(
            OgrCoordinateTransformationHandle transformation, int count, double* x, double* y, double* z, int* success);
    }
}
