using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Sources.Remote;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LargeImage.MinimalApi.Hosting;

/// <summary>
/// The <c>url</c> query parameter of <c>MapLargeImageUrl</c>: a remote reference only, and only when an
/// allow-list exists, because this group lets any client name the file.
/// </summary>
internal static class UrlParameter
{
    public const string Name = "url";

    public static string Read(HttpContext context)
    {
        if (context.RequestServices.GetRequiredService<RemoteAllowList>().IsEmpty)
        {
            throw new FileAccessDeniedException("The url parameter is disabled: no remote hosts or buckets are allowed.");
        }

        var url = context.Request.Query[Name].ToString();
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new InvalidParameterException(Name, "'url' is required: an s3:// or http(s):// reference.");
        }

        return RemoteReferenceParser.Parse(url) is null
            ? throw new FileAccessDeniedException("The url parameter accepts remote references only, never local paths.")
            : url;
    }
}
