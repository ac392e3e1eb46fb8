namespace LargeImage.MinimalApi.Sources.Remote;

/// <summary>
/// What the reader resolver needs for a remote file: a peek at its first bytes for ranking readers, GDAL made
/// ready for readers that open VSI paths, and a local copy for the readers that cannot.
/// </summary>
internal sealed class RemoteFiles(RemoteObjectStore store, RemoteVersionCache versions, RemoteCheckout checkout, GdalRemoteConfiguration gdal)
{
    public byte[] ReadHeader(RemoteReference reference, int length) => store.ReadHead(reference, length);

    public void PrepareGdal() => gdal.EnsureApplied();

    public string Checkout(RemoteReference reference) => checkout.GetLocalPath(reference, versions.Get(reference));
}
