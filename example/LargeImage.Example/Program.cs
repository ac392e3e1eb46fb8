using LargeImage.Example;
using LargeImage.MinimalApi.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

var example = builder.Configuration.GetSection("Example").Get<ExampleOptions>() ?? new ExampleOptions();
var dataDirectory = Path.GetFullPath(example.DataDirectory, builder.Environment.ContentRootPath);
Directory.CreateDirectory(dataDirectory);

builder.Services.Configure<ExampleOptions>(builder.Configuration.GetSection("Example"));
builder.Services.AddDbContext<ImageDb>(db => db.UseSqlite($"Data Source={Path.Combine(dataDirectory, "images.db")}"));
builder.Services.AddLargeImage(builder.Configuration.GetSection("LargeImage"));
builder.Services.PostConfigure<LargeImageOptions>(options => options.MediaRoot = Path.GetFullPath(options.MediaRoot, dataDirectory));
builder.Services.AddSingleton<MediaStore>();
builder.Services.AddSingleton<DemoImageSeeder>();
builder.Services.AddOpenApi();
builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = example.MaxUploadBytes);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = example.MaxUploadBytes);

var app = builder.Build();
await app.Services.GetRequiredService<DemoImageSeeder>().InitializeAsync();

app.MapGallery();
app.MapOpenApi();
app.MapScalarApiReference(scalar => scalar.DisableDefaultFonts());
app.MapLargeImage();
app.MapImageFileEndpoints();
app.MapLargeImage<ImageFile>(app.MapGroup("/api/image-file/{id:int}").WithTags("Image files"), image => image.File);

app.Run();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
