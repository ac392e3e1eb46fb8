using LargeImage.Example;
using LargeImage.MinimalApi.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// Settings are read when services resolve, not here, so hosts and tests can override them until Build().
builder.Services.Configure<ExampleOptions>(builder.Configuration.GetSection("Example"));
// Pooled: a context per request is set up once and reused, not built for every tile request.
builder.Services.AddDbContextPool<ImageDb>((services, db) =>
    db.UseSqlite($"Data Source={Path.Combine(DataDirectory(services), "images.db")}"));
builder.Services.AddLargeImage(builder.Configuration.GetSection("LargeImage"));
builder.Services.AddOptions<LargeImageOptions>().PostConfigure<IServiceProvider>((options, services) =>
    options.MediaRoot = Path.GetFullPath(options.MediaRoot, DataDirectory(services)));
builder.Services.AddOptions<FormOptions>().Configure<IOptions<ExampleOptions>>((form, example) =>
    form.MultipartBodyLengthLimit = example.Value.MaxUploadBytes);
builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ExampleOptions>>((kestrel, example) =>
    kestrel.Limits.MaxRequestBodySize = example.Value.MaxUploadBytes);
builder.Services.AddSingleton<ImageFileLookup>();
builder.Services.AddSingleton<MediaStore>();
builder.Services.AddSingleton<DemoImageSeeder>();
builder.Services.AddOpenApi();

var app = builder.Build();
await app.Services.GetRequiredService<DemoImageSeeder>().InitializeAsync();

app.MapGallery();
app.MapOpenApi();
app.MapScalarApiReference(scalar => scalar.DisableDefaultFonts());
app.MapLargeImage();
app.MapImageFileEndpoints();
app.MapLargeImageUrl();
app.MapConstantBytes();
app.MapLargeImage<ImageFile>(app.MapGroup("/api/image-file/{id:int}").WithTags("Image files"), image => image.File);

app.Run();

static string DataDirectory(IServiceProvider services)
{
    var path = Path.GetFullPath(
        services.GetRequiredService<IOptions<ExampleOptions>>().Value.DataDirectory,
        services.GetRequiredService<IHostEnvironment>().ContentRootPath);
    Directory.CreateDirectory(path);
    return path;
}

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
