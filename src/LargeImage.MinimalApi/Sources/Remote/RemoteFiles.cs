namespace LargeImage.MinimalApi.Sources.Remote;

/// <summary>
/// What the reader resolver needs for a remote file: a peek at its first bytes for ranking readers, GDAL made
/// ready for readers that open VSI paths, and a local copy for the readers that cannot.
/// </summary>
internal sealed class RemoteFiles(RemoteObjectStore store, RemoteVersionCache versions, RemoteCheckout checkout, GdalRemoteConfiguration gdal)
{
    public Task<byte[]> ReadHeaderAsync(RemoteReference reference, int length, CancellationToken cancellationToken) =>
        store.ReadHeadAsync(reference, length, cancellationToken);

    public void PrepareGdal() => gdal.EnsureApplied();

    public async Task<string> CheckoutAsync(RemoteReference reference, CancellationToken cancellationToken) =>
        await checkout.GetLocalPathAsync(reference, await versions.GetAsync(reference, cancellationToken), cancellationToken);
}
