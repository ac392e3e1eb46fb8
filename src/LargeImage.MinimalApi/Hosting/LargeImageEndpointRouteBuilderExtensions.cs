using System.Reflection;
using LargeImage.MinimalApi.Endpoints;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the large-image endpoints.</summary>
public static class LargeImageEndpointRouteBuilderExtensions
{
    /// <summary>The prefix of the standalone group when none is given.</summary>
    public const string DefaultPrefix = "/api/large-image";

    private static readonly ParameterInfo RecordParameter =
        typeof(LargeImageEndpointRouteBuilderExtensions).GetMethod(nameof(RecordParameterHolder), BindingFlags.NonPublic | BindingFlags.Static)!
            .GetParameters()[0];

    /// <summary>Maps the routes that describe the server (<c>sources</c>, <c>formats</c>, <c>colormaps</c>) and the viewer's bundled files.</summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">Route prefix of the group.</param>
    /// <returns>The group, for authorization, tags or rate limits.</returns>
    public static RouteGroupBuilder MapLargeImage(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var group = endpoints.MapGroup(prefix).WithTags("Large image");
        ResponsePipeline.Apply(group);
        return group.MapStandaloneEndpoints().MapViewerAssetEndpoints();
    }

    /// <summary>
    /// Maps every image endpoint onto <paramref name="group"/> for records of type <typeparamref name="T"/>, which
    /// find themselves from the request (e.g. by a route value) through <see cref="IBindableFromHttpContext{T}"/>.
    /// A request whose record is not found is a 404 problem.
    /// </summary>
    /// <typeparam name="T">The host's record type.</typeparam>
    /// <param name="endpoints">The application.</param>
    /// <param name="group">The route group of one record, e.g. <c>app.MapGroup("/api/image-file/{id:int}")</c>.</param>
    /// <param name="fileSelector">Returns the record's file reference (a path relative to the media root, or an allowed absolute path).</param>
    /// <returns>The group, for authorization, tags or rate limits.</returns>
    public static RouteGroupBuilder MapLargeImage<T>(this IEndpointRouteBuilder endpoints, RouteGroupBuilder group, Func<T, string?> fileSelector)
        where T : class, IBindableFromHttpContext<T>
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(fileSelector);
        return MapCore(group, context => T.BindAsync(context, RecordParameter), fileSelector);
    }

    /// <summary>
    /// Maps every image endpoint onto <paramref name="group"/>, finding the record of a request with
    /// <paramref name="lookup"/>. A null record is a 404 problem.
    /// </summary>
    /// <typeparam name="T">The host's record type.</typeparam>
    /// <param name="endpoints">The application.</param>
    /// <param name="group">The route group of one record.</param>
    /// <param name="lookup">Finds the request's record, e.g. by its route values; null when there is none.</param>
    /// <param name="fileSelector">Returns the record's file reference.</param>
    /// <returns>The group, for authorization, tags or rate limits.</returns>
    public static RouteGroupBuilder MapLargeImage<T>(
        this IEndpointRouteBuilder endpoints,
        RouteGroupBuilder group,
        Func<HttpContext, ValueTask<T?>> lookup,
        Func<T, string?> fileSelector)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(fileSelector);
        return MapCore(group, lookup, fileSelector);
    }

    /// <summary>
    /// Maps every image endpoint onto a group at <paramref name="prefix"/> that reads the image named by the
    /// <c>url</c> query parameter (an <c>s3://</c>, <c>http(s)://</c>, <c>/vsis3/</c> or <c>/vsicurl/</c> reference),
    /// like django-large-image's non-detail mixin. Opt-in, and refused (403) unless
    /// <see cref="LargeImage.MinimalApi.Options.RemoteOptions"/> lists hosts or buckets; local paths are never accepted here.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">Route prefix of the group.</param>
    /// <returns>The group, for authorization, tags or rate limits.</returns>
    public static RouteGroupBuilder MapLargeImageUrl(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix + "/url")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var group = endpoints.MapGroup(prefix).WithTags("Large image");
        MapCore(group, context => ValueTask.FromResult<string?>(UrlParameter.Read(context)), (string url) => url);

        // Endpoint names are global, and a host maps this group next to its record groups.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            for (var i = 0; i < endpoint.Metadata.Count; i++)
            {
                endpoint.Metadata[i] = endpoint.Metadata[i] switch
                {
                    EndpointNameMetadata name => new EndpointNameMetadata(UrlEndpointName(name.EndpointName)),
                    RouteNameMetadata route when route.RouteName is { } routeName => new RouteNameMetadata(UrlEndpointName(routeName)),
                    var other => other,
                };
            }
        });
        return group;
    }

    private static string UrlEndpointName(string name) => name.Replace("LargeImage.", "LargeImage.Url.", StringComparison.Ordinal);

    private static RouteGroupBuilder MapCore<T>(RouteGroupBuilder group, Func<HttpContext, ValueTask<T?>> lookup, Func<T, string?> fileSelector)
        where T : class
    {
        var locator = new ImageLocator(async context =>
        {
            var record = await lookup(context) ?? throw new ImageNotFoundException($"No {typeof(T).Name} matches this request.");
            return fileSelector(record);
        });
        group.WithMetadata(locator);
        ResponsePipeline.Apply(group);
        group.DocumentGroupRouteParameters()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group
            .MapInfoEndpoints()
            .MapTileEndpoints()
            .MapDataEndpoints()
            .MapViewerEndpoints();
    }

    private static void RecordParameterHolder(object record) => GC.KeepAlive(record);
}
