using Microsoft.AspNetCore.Http;

namespace LargeImage.MinimalApi.Hosting;

/// <summary>
/// Endpoint metadata attached to a mapped group: how a request finds its file reference (the host's record
/// lookup followed by its file selector).
/// </summary>
internal sealed class ImageLocator(Func<HttpContext, ValueTask<string?>> find)
{
    public ValueTask<string?> FindAsync(HttpContext context) => find(context);
}
