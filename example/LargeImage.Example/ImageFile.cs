using System.Reflection;

namespace LargeImage.Example;

/// <summary>An image the demo knows about: a name and a file under the media root.</summary>
public sealed class ImageFile : IBindableFromHttpContext<ImageFile>
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Path relative to the media root, or an s3:// or https:// reference on the allow-list.</summary>
    public required string File { get; set; }

    public DateTimeOffset Created { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Finds the record named by the <c>id</c> route value, so large-image routes can be mapped per record.</summary>
    public static async ValueTask<ImageFile?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        if (!int.TryParse(context.GetRouteValue("id") as string, out var id))
        {
            return null;
        }

        var services = context.RequestServices;
        return await services.GetRequiredService<ImageFileLookup>().FindAsync(services, id, context.RequestAborted);
    }
}
