using System.Collections.Concurrent;

namespace LargeImage.MinimalApi.Tests.Endpoints;

/// <summary>The example app shared by one test class, with each corpus file uploaded at most once.</summary>
public sealed class TestDataApp : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<int>>> uploads = new(StringComparer.Ordinal);

    public ExampleAppFactory Factory { get; } = new();

    /// <summary>The record id of a corpus file (e.g. <c>rasterio/byte.tif</c>), uploading it on first use.</summary>
    public Task<int> UploadAsync(string relative)
    {
        var path = TestData.Path(relative);
        return uploads.GetOrAdd(relative, _ => new Lazy<Task<int>>(() => Factory.UploadAsync(path))).Value;
    }

    public void Dispose() => Factory.Dispose();
}
