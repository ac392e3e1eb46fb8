using System.Text.Json;
using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>Builds the reader-specific <c>metadata_internal</c> document of a GDAL dataset.</summary>
internal static class GdalInternalMetadata
{
    public static JsonObject Build(GdalDatasetHandle dataset, GdalGeoreference? georeference)
    {
        var (shortName, longName) = Interop.Gdal.GetDriverNames(dataset);
        var band1 = Interop.Gdal.GetRasterBand(dataset, 1);
        var (blockWidth, blockHeight) = Interop.Gdal.GetBlockSize(band1);
        var result = new JsonObject
        {
            ["driverShortName"] = shortName,
            ["driverLongName"] = longName,
            // File names only: full paths would disclose the server's folder layout.
            ["fileList"] = ToArray(Interop.Gdal.GetFileList(dataset).Select(Path.GetFileName).OfType<string>()),
            ["RasterXSize"] = Interop.Gdal.GetRasterXSize(dataset),
            ["RasterYSize"] = Interop.Gdal.GetRasterYSize(dataset),
            ["RasterCount"] = Interop.Gdal.GetRasterCount(dataset),
            ["GeoTransform"] = georeference is null ? null : new JsonArray([.. georeference.GeoTransform.Select(v => (JsonNode?)v)]),
            ["Projection"] = Interop.Gdal.GetProjectionRef(dataset),
            ["GCPProjection"] = Interop.Gdal.GetGcpProjection(dataset),
            ["GCPCount"] = Interop.Gdal.GetGcpCount(dataset),
            ["blockSize"] = new JsonObject { ["width"] = blockWidth, ["height"] = blockHeight },
            ["overviews"] = Overviews(band1),
            ["maskFlags"] = Interop.Gdal.GetMaskFlags(band1).ToString(),
            ["compression"] = Interop.Gdal.GetMetadataItem(dataset, "COMPRESSION", "IMAGE_STRUCTURE"),
            ["interleave"] = Interop.Gdal.GetMetadataItem(dataset, "INTERLEAVE", "IMAGE_STRUCTURE"),
            ["layout"] = Interop.Gdal.GetMetadataItem(dataset, "LAYOUT", "IMAGE_STRUCTURE"),
        };

        var gcps = Interop.Gdal.GetGcps(dataset);
        if (gcps.Length > 0)
        {
            result["GCPs"] = new JsonArray([.. gcps.Select(g => (JsonNode?)new JsonObject
            {
                ["id"] = Interop.Gdal.PtrToString(g.Id),
                ["pixel"] = g.Pixel,
                ["line"] = g.Line,
                ["x"] = g.X,
                ["y"] = g.Y,
                ["z"] = g.Z,
            })]);
        }

        if (georeference is not null)
        {
            AddSrs(result, georeference);
        }

        var domains = new JsonObject();
        foreach (var domain in Interop.Gdal.GetMetadataDomainList(dataset).Prepend(string.Empty).Distinct())
        {
            var items = Interop.Gdal.GetMetadata(dataset, domain);
            if (items.Length > 0)
            {
                domains[domain] = Domain(domain, items);
            }
        }

        result["Metadata"] = domains;
        return result;
    }

    private static void AddSrs(JsonObject result, GdalGeoreference georeference)
    {
        result["epsg"] = georeference.Authority;
        result["srs"] = georeference.SrsName;
        result["wkt"] = georeference.Wkt;
        try
        {
            using var srs = Interop.Gdal.SrsFromWkt(georeference.Wkt);
            result["projjson"] = JsonNode.Parse(Interop.Gdal.ExportToProjJson(srs));
            result["proj4Projection"] = Interop.Gdal.ExportToProj4(srs).Trim();
        }
        catch (Exception e) when (e is NativeLibraryException or JsonException)
        {
            result["srsError"] = e.Message;
        }
    }

    /// <summary>
    /// <c>KEY=VALUE</c> domains become objects; <c>xml:</c> domains hold one document and stay a string.
    /// </summary>
    private static JsonNode Domain(string name, string[] items)
    {
        if (name.StartsWith("xml:", StringComparison.Ordinal))
        {
            return JsonValue.Create(string.Join('\n', items));
        }

        var node = new JsonObject();
        foreach (var item in items)
        {
            var separator = item.IndexOf('=', StringComparison.Ordinal);
            if (separator < 0)
            {
                node[item] = null;
            }
            else
            {
                node[item[..separator]] = item[(separator + 1)..];
            }
        }

        return node;
    }

    private static JsonArray Overviews(nint band)
    {
        var overviews = new JsonArray();
        for (var i = 0; i < Interop.Gdal.GetOverviewCount(band); i++)
        {
            var (width, height) = Interop.Gdal.GetBandSize(Interop.Gdal.GetOverview(band, i));
            overviews.Add(new JsonObject { ["width"] = width, ["height"] = height });
        }

        return overviews;
    }

    private static JsonArray ToArray(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
