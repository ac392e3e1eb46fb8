using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Tests.Sources;

public sealed class InternalMetadataRedactionTests
{
    [Fact]
    public void Every_string_naming_the_file_keeps_its_name_only_however_deep()
    {
        var document = new JsonObject
        {
            ["filename"] = "/srv/images/media/a1.tif",
            ["pages"] = new JsonArray(new JsonObject { ["filename"] = "/srv/images/media/a1.tif" }, "other"),
            ["Metadata"] = new JsonObject
            {
                ["DERIVED_SUBDATASETS"] = new JsonObject { ["DERIVED_SUBDATASET_1_NAME"] = "DERIVED_SUBDATASET:LOGAMPLITUDE:/srv/images/media/a1.tif" },
            },
            ["subdataset"] = "NETCDF:\"/srv/images/media/a1.tif\":temp",
            ["sidecar"] = "/srv/images/media/a1.tif.aux.xml",
            ["count"] = 3,
        };

        var redacted = InternalMetadataRedaction.Redact(document, "/srv/images/media/a1.tif");

        Assert.DoesNotContain("/srv", redacted.ToJsonString());
        Assert.Equal("a1.tif", (string?)redacted["filename"]);
        Assert.Equal("a1.tif", (string?)redacted["pages"]![0]!["filename"]);
        Assert.Equal("other", (string?)redacted["pages"]![1]);
        Assert.Equal("DERIVED_SUBDATASET:LOGAMPLITUDE:a1.tif", (string?)redacted["Metadata"]!["DERIVED_SUBDATASETS"]!["DERIVED_SUBDATASET_1_NAME"]);
        Assert.Equal("NETCDF:\"a1.tif\":temp", (string?)redacted["subdataset"]);
        Assert.Equal("a1.tif.aux.xml", (string?)redacted["sidecar"]);
        Assert.Equal(3, (int?)redacted["count"]);
    }

    [Fact]
    public void A_remote_files_query_is_dropped_with_its_path()
    {
        var document = new JsonObject { ["fileList"] = new JsonArray("/vsicurl/https://host/data/b.tif?X-Amz-Signature=secret") };

        var redacted = InternalMetadataRedaction.Redact(document, "/vsicurl/https://host/data/b.tif?X-Amz-Signature=secret");

        Assert.Equal("""{"fileList":["b.tif"]}""", redacted.ToJsonString());
    }
}
