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
        group.MapPost("", Upload).DisableAntiforgery().WithName("UploadImageFile").WithSummary("Upload an image");
        group.MapGet("", List).WithName("ListImageFiles").WithSummary("List images");
        group.MapGet("{id:int}", Get).WithName("GetImageFile").WithSummary("One image record");
        group.MapDelete("{id:int}", Delete).WithName("DeleteImageFile").WithSummary("Delete an image and its file");
        return group;
    }

    private static async Task<Results<Created<ImageFile>, ProblemHttpResult>> Upload(
        IFormFile? file,
        [Microsoft.AspNetCore.Mvc.FromForm(Name = "name")] string? name,
        ImageDb db,
        MediaStore media,
        LargeImageInspector inspector,
        CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return TypedResults.Problem(title: "No file", detail: "Send the image as the multipart field 'file'.", statusCode: StatusCodes.Status400BadRequest);
        }

        var relative = await media.SaveAsync(file, cancellationToken);
        if (!inspector.TryDescribe(relative, out _, out var error))
        {
            media.Delete(relative);
            return TypedResults.Problem(title: "Unreadable image", detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        var record = new ImageFile { Name = string.IsNullOrWhiteSpace(name) ? Path.GetFileName(file.FileName) : name, File = relative };
        db.Images.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/image-file/{record.Id}", record);
    }

    private static async Task<Ok<List<ImageFile>>> List(ImageDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Images.AsNoTracking().OrderBy(i => i.Id).ToListAsync(cancellationToken));

    private static async Task<Results<Ok<ImageFile>, ProblemHttpResult>> Get(int id, ImageDb db, CancellationToken cancellationToken) =>
        await ImageFile.FindAsync(db, id, cancellationToken) is { } record ? TypedResults.Ok(record) : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(int id, ImageDb db, MediaStore media, CancellationToken cancellationToken)
    {
        if (await db.Images.FindAsync([id], cancellationToken) is not { } record)
        {
            return NotFound(id);
        }

        db.Images.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
        media.Delete(record.File);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(title: "Not found", detail: $"No image file has id {id}.", statusCode: StatusCodes.Status404NotFound);
}
