using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Sources.Remote;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace LargeImage.MinimalApi.Tests.Sources.Remote;

/// <summary>Local copies of S3 objects: downloaded once, revalidated, bounded, and never left half-written.</summary>
public sealed class RemoteCheckoutTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("largeimage-checkout-").FullName;
    private readonly string bucket = $"slides-{Guid.NewGuid():N}"[..20];

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [SkippableFact]
    public async Task Object_is_downloaded_once_and_reused_while_unchanged()
    {
        using var s3 = S3Server.Start(bucket);
        await s3.PutAsync(bucket, "a/slide.svs", Bytes(100_000, 1));
        var (checkout, versions) = Services(s3);
        var reference = RemoteReference.S3(bucket, "a/slide.svs");

        var first = await checkout.GetLocalPathAsync(reference, await versions.GetAsync(reference, CancellationToken.None), CancellationToken.None);
        var second = await checkout.GetLocalPathAsync(reference, await versions.GetAsync(reference, CancellationToken.None), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.EndsWith(".svs", first);
        Assert.Equal(Bytes(100_000, 1), await File.ReadAllBytesAsync(first));
        Assert.Single(s3.Requests, r => r.StartsWith("GET", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Concurrent_checkouts_share_one_download()
    {
        using var s3 = S3Server.Start(bucket);
        await s3.PutAsync(bucket, "slide.svs", Bytes(2_000_000, 2));
        var (checkout, versions) = Services(s3);
        var reference = RemoteReference.S3(bucket, "slide.svs");
        var info = await versions.GetAsync(reference, CancellationToken.None);

        var paths = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => checkout.GetLocalPathAsync(reference, info, CancellationToken.None))));

        Assert.Single(paths.Distinct());
        Assert.Single(s3.Requests, r => r.StartsWith("GET", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(checkout.Folder, "*.part"));
    }

    [SkippableFact]
    public async Task Changed_object_is_downloaded_again()
    {
        using var s3 = S3Server.Start(bucket);
        await s3.PutAsync(bucket, "slide.svs", Bytes(50_000, 3));
        var (checkout, versions) = Services(s3);
        var reference = RemoteReference.S3(bucket, "slide.svs");
        await checkout.GetLocalPathAsync(reference, await versions.GetAsync(reference, CancellationToken.None), CancellationToken.None);

        await s3.PutAsync(bucket, "slide.svs", Bytes(60_000, 4));
        var path = await checkout.GetLocalPathAsync(reference, await versions.GetAsync(reference, CancellationToken.None), CancellationToken.None);

        Assert.Equal(Bytes(60_000, 4), await File.ReadAllBytesAsync(path));
    }

    [SkippableFact]
    public async Task Least_recently_used_copies_are_evicted_beyond_the_bound()
    {
        using var s3 = S3Server.Start(bucket);
        var (checkout, versions) = Services(s3, maxBytes: 250_000);
        var paths = new List<string>();
        foreach (var name in new[] { "one.svs", "two.svs", "three.svs" })
        {
            await s3.PutAsync(bucket, name, Bytes(100_000, name.Length));
            var reference = RemoteReference.S3(bucket, name);
            paths.Add(await checkout.GetLocalPathAsync(reference, await versions.GetAsync(reference, CancellationToken.None), CancellationToken.None));
        }

        Assert.False(File.Exists(paths[0]));
        Assert.True(File.Exists(paths[1]));
        Assert.True(File.Exists(paths[2]));
    }

    [SkippableFact]
    public async Task Failed_download_leaves_no_partial_file()
    {
        using var s3 = S3Server.Start(bucket);
        await s3.PutAsync(bucket, "slide.svs", Bytes(10_000, 5));
        var (checkout, versions) = Services(s3);
        var reference = RemoteReference.S3(bucket, "slide.svs");
        var info = await versions.GetAsync(reference, CancellationToken.None);
        s3.Stop();

        await Assert.ThrowsAsync<LargeImage.MinimalApi.Errors.RemoteUnavailableException>(
            () => checkout.GetLocalPathAsync(reference, info, CancellationToken.None));

        Assert.Empty(Directory.GetFiles(checkout.Folder, "*.part"));
        Assert.Empty(Directory.GetFiles(checkout.Folder, "*.data*"));
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private (RemoteCheckout Checkout, RemoteVersionCache Versions) Services(S3Server s3, long maxBytes = LargeImageDefaults.CheckoutMaxBytes)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = folder });
        services.AddLargeImage(options =>
        {
            options.Remote.CheckoutFolder = Path.Combine(folder, "checkout");
            options.Remote.CheckoutMaxBytes = maxBytes;
            options.Remote.ValidatorSeconds = 0;
            options.Remote.ConnectTimeoutSeconds = 1;
            options.Remote.S3Buckets[bucket] = new S3BucketOptions
            {
                Endpoint = s3.Endpoint, PathStyle = true, AccessKeyId = S3Server.AccessKey, SecretAccessKey = S3Server.SecretKey,
            };
        });
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<RemoteCheckout>(), provider.GetRequiredService<RemoteVersionCache>());
    }
}
