using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace LargeImage.Example;

/// <summary>An image the demo knows about: a name and a file under the media root.</summary>
public sealed class ImageFile : IBindableFromHttpContext<ImageFile>
{
    // Every large-image request starts with this lookup, cached tiles and 304s included: compiled once, it skips
    // EF Core's per-call query translation, which cost more than serving the cached tile.
    private static readonly Func<ImageDb, int, CancellationToken, Task<ImageFile?>> ById = EF.CompileAsyncQuery(
        (ImageDb db, int id, CancellationToken _) => db.Images.AsNoTracking().FirstOrDefault(i => i.Id == id));

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

        return await FindAsync(context.RequestServices.GetRequiredService<ImageDb>(), id, context.RequestAborted);
    }

    /// <summary>The record with <paramref name="id"/>, untracked, or null.</summary>
    public static Task<ImageFile?> FindAsync(ImageDb db, int id, CancellationToken cancellationToken) => ById(db, id, cancellationToken);
}
