using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LargeImage.Example;

/// <summary>The demo's home page: every image as a thumbnail linking to its viewer, an upload form and the API docs.</summary>
public static class GalleryPage
{
    public static IEndpointRouteBuilder MapGallery(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Get).WithName("Gallery").WithSummary("Gallery page").ExcludeFromDescription();
        return app;
    }

    private static async Task<ContentHttpResult> Get(ImageDb db, CancellationToken cancellationToken)
    {
        var images = await db.Images.AsNoTracking().OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var html = HtmlEncoder.Default;
        var page = new StringBuilder(Head);
        foreach (var image in images)
        {
            var group = $"/api/image-file/{image.Id}/";
            page.Append($"""
                <li class="card">
                  <a href="{group}viewer">
                    <img src="{group}data/thumbnail.png?max_width=256&amp;max_height=256" alt="{html.Encode(image.Name)}" loading="lazy">
                    <span>{html.Encode(image.Name)}</span>
                  </a>
                  <a class="meta" href="{group}info/metadata">metadata</a>
                </li>

                """);
        }

        page.Append(images.Count == 0 ? "<li class=\"empty\">No images yet: upload one.</li>\n" : string.Empty);
        page.Append(Tail);
        return TypedResults.Content(page.ToString(), "text/html; charset=utf-8");
    }

    private const string Head = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>LargeImage.MinimalApi demo</title>
        <style>
          body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem; color: #1f2328; }
          header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 1rem; justify-content: space-between; }
          nav a { margin-left: 1rem; }
          form { margin: 1rem 0; padding: 0.75rem; border: 1px dashed #d0d7de; border-radius: 6px; display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; }
          .gallery { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; }
          .card { border: 1px solid #d0d7de; border-radius: 6px; padding: 0.5rem; }
          .card a:first-child { display: flex; flex-direction: column; gap: 0.4rem; text-decoration: none; color: inherit; }
          .card img { width: 100%; aspect-ratio: 1; object-fit: contain; background: repeating-conic-gradient(#eceff3 0 25%, #f8f9fb 0 50%) 0 0 / 16px 16px; }
          .meta { font-size: 0.8rem; }
          #upload-status { color: #57606a; }
        </style>
        </head>
        <body>
        <header>
          <h1>Large images</h1>
          <nav><a href="/scalar">API reference (Scalar)</a><a href="/openapi/v1.json">OpenAPI document</a></nav>
        </header>
        <form id="upload" method="post" action="/api/image-file" enctype="multipart/form-data">
          <input type="file" name="file" required>
          <input type="text" name="name" placeholder="Name (optional)">
          <button type="submit">Upload</button>
          <span id="upload-status" role="status"></span>
        </form>
        <ul class="gallery">

        """;

    // Posting with fetch keeps the user on the gallery and shows the server's problem detail on failure;
    // without script the form still works and shows the created record.
    private const string Tail = """
        </ul>
        <script>
          const form = document.getElementById('upload');
          const status = document.getElementById('upload-status');
          form.addEventListener('submit', async (event) => {
            event.preventDefault();
            status.textContent = 'Uploading…';
            const response = await fetch(form.action, { method: 'POST', body: new FormData(form) });
            if (response.ok) { location.reload(); return; }
            const problem = await response.json().catch(() => ({}));
            status.textContent = problem.detail || `Upload failed (${response.status})`;
          });
        </script>
        </body>
        </html>

        """;
}
