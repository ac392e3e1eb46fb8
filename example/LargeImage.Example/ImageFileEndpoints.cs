using LargeImage.MinimalApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LargeImage.Example;

/// <summary>The demo's own CRUD routes for image records.</summary>
public static class ImageFileEndpoints
{
    public static RouteGroupBuilder MapImageFileEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/image-file").WithTags("Image files");
        group.MapPost("", Upload).DisableAntiforgery().WithName("UploadImageFile").WithSummary("Upload an image")
            .WithDescription("Multipart form: either 'file' (an upload) or 'url' (an s3:// or https:// reference on the configured allow-list), and an optional 'name'.");
        group.MapGet("", List).WithName("ListImageFiles").WithSummary("List images");
        group.MapGet("{id:int}", Get).WithName("GetImageFile").WithSummary("One image record");
        group.MapDelete("{id:int}", Delete).WithName("DeleteImageFile").WithSummary("Delete an image and its file");
        return group;
    }

    private static async Task<Results<Created<ImageFile>, ProblemHttpResult>> Upload(
        IFormFile? file,
        [Microsoft.AspNetCore.Mvc.FromForm(Name = "name")] string? name,
        [Microsoft.AspNetCore.Mvc.FromForm(Name = "url")] string? url,
        ImageDb db,
        MediaStore media,
        LargeImageInspector inspector,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(url) && file is null)
        {
            return await Register(url.Trim(), name, db, inspector, cancellationToken);
        }

        if (file is null || file.Length == 0)
        {
            return TypedResults.Problem(
                title: "No file", detail: "Send the image as the multipart field 'file', or its s3:// or https:// reference as 'url'.", statusCode: StatusCodes.Status400BadRequest);
        }

        var relative = await media.SaveAsync(file, cancellationToken);
        if (await inspector.InspectAsync(relative, cancellationToken) is { IsReadable: false } unreadable)
        {
            media.Delete(relative);
            return TypedResults.Problem(title: "Unreadable image", detail: unreadable.Error, statusCode: StatusCodes.Status400BadRequest);
        }

        var record = new ImageFile { Name = string.IsNullOrWhiteSpace(name) ? Path.GetFileName(file.FileName) : name, File = relative };
        db.Images.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/image-file/{record.Id}", record);
    }

    /// <summary>Keeps a record of a remote image, once the library has checked that it is allowed and readable.</summary>
    private static async Task<Results<Created<ImageFile>, ProblemHttpResult>> Register(
        string url, string? name, ImageDb db, LargeImageInspector inspector, CancellationToken cancellationToken)
    {
        if (await inspector.InspectAsync(url, cancellationToken) is { IsReadable: false } unusable)
        {
            return TypedResults.Problem(title: "Unusable image reference", detail: unusable.Error, statusCode: StatusCodes.Status400BadRequest);
        }

        var record = new ImageFile { Name = string.IsNullOrWhiteSpace(name) ? Path.GetFileName(url) : name, File = url };
        db.Images.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/image-file/{record.Id}", record);
    }

    private static async Task<Ok<List<ImageFile>>> List(ImageDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Images.AsNoTracking().OrderBy(i => i.Id).ToListAsync(cancellationToken));

    private static async Task<Results<Ok<ImageFile>, ProblemHttpResult>> Get(
        int id, ImageFileLookup lookup, HttpContext context, CancellationToken cancellationToken) =>
        await lookup.FindAsync(context.RequestServices, id, cancellationToken) is { } record ? TypedResults.Ok(record) : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        int id, ImageDb db, ImageFileLookup lookup, MediaStore media, CancellationToken cancellationToken)
    {
        if (await db.Images.FindAsync([id], cancellationToken) is not { } record)
        {
            return NotFound(id);
        }

        db.Images.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
        lookup.Forget(id);
        media.Delete(record.File);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(title: "Not found", detail: $"No image file has id {id}.", statusCode: StatusCodes.Status404NotFound);
}
