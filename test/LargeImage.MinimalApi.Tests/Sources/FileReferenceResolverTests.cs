using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Tests.Sources.Remote;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace LargeImage.MinimalApi.Tests.Sources;

/// <summary>What a file selector may return, and proof that refused references are never opened or contacted.</summary>
public sealed class FileReferenceResolverTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("largeimage-refs-").FullName;
    private readonly string media;
    private readonly string outside;
    private readonly string extraRoot;

    public FileReferenceResolverTests()
    {
        media = Directory.CreateDirectory(Path.Combine(folder, "media")).FullName;
        outside = Directory.CreateDirectory(Path.Combine(folder, "outside")).FullName;
        extraRoot = Directory.CreateDirectory(Path.Combine(folder, "extra")).FullName;
        File.WriteAllText(Path.Combine(media, "inside.tif"), "in");
        File.WriteAllText(Path.Combine(outside, "secret.tif"), "secret");
        File.WriteAllText(Path.Combine(extraRoot, "extra.tif"), "extra");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Relative_reference_resolves_under_the_media_root()
    {
        Assert.Equal(Path.Combine(media, "inside.tif"), (await Resolve(Resolver(), "inside.tif")).Path);
    }

    [Fact]
    public async Task Absolute_reference_inside_an_allowed_root_is_accepted()
    {
        var path = Path.Combine(extraRoot, "extra.tif");

        Assert.Equal(path, (await Resolve(Resolver(), path)).Path);
    }

    [Theory]
    [InlineData("../outside/secret.tif")]
    [InlineData("sub/../../outside/secret.tif")]
    [InlineData("./../outside/secret.tif")]
    public async Task Dot_dot_escapes_are_refused(string reference)
    {
        await Assert.ThrowsAsync<FileAccessDeniedException>(() => Resolve(Resolver(), reference));
    }

    [Fact]
    public async Task Absolute_path_outside_the_roots_is_refused()
    {
        var resolver = Resolver();

        await Assert.ThrowsAsync<FileAccessDeniedException>(() => Resolve(resolver, Path.Combine(outside, "secret.tif")));
        await Assert.ThrowsAsync<FileAccessDeniedException>(() => Resolve(resolver, "/etc/passwd"));
    }

    [Fact]
    public async Task Symlinks_leading_outside_are_refused_whether_file_folder_or_chained()
    {
        File.CreateSymbolicLink(Path.Combine(media, "file-link.tif"), Path.Combine(outside, "secret.tif"));
        Directory.CreateSymbolicLink(Path.Combine(media, "folder-link"), outside);
        // A link whose target passes through a second link: only a full realpath sees where it ends.
        File.CreateSymbolicLink(Path.Combine(media, "chained.tif"), Path.Combine(media, "folder-link", "secret.tif"));

        var resolver = Resolver();

        await Assert.ThrowsAsync<FileAccessDeniedException>(() => Resolve(resolver, "file-link.tif"));
        await Assert.ThrowsAsync<FileAccessDeniedException>(() => Resolve(resolver, "folder-link/secret.tif"));
        await Assert.ThrowsAsync<FileAccessDeniedException>(() => Resolve(resolver, "chained.tif"));
    }

    [Fact]
    public async Task Dot_dot_after_a_symlink_goes_to_the_targets_parent_as_the_os_does()
    {
        var deep = Directory.CreateDirectory(Path.Combine(media, "deep", "dir")).FullName;
        File.WriteAllText(Path.Combine(media, "deep", "sibling.tif"), "s");
        Directory.CreateSymbolicLink(Path.Combine(media, "shortcut"), deep);

        Assert.Equal(Path.Combine(media, "deep", "sibling.tif"), (await Resolve(Resolver(), "shortcut/../sibling.tif")).Path);
    }

    [Fact]
    public async Task The_version_changes_with_the_file_and_only_regular_files_have_one()
    {
        var resolver = Resolver();
        var path = Path.Combine(media, "inside.tif");
        var before = (await Resolve(resolver, "inside.tif")).Version;
        File.WriteAllText(path, "changed");

        Assert.NotEqual(before, (await Resolve(resolver, "inside.tif")).Version);
        Directory.CreateDirectory(Path.Combine(media, "folder.tif"));
        await Assert.ThrowsAsync<ImageNotFoundException>(() => Resolve(resolver, "folder.tif"));
        await Assert.ThrowsAsync<ImageNotFoundException>(() => Resolve(resolver, "missing.tif"));
        if (CliTool.Exists("mkfifo"))
        {
            // Opening a FIFO would block the reader until something writes to it.
            CliTool.Run("mkfifo", Path.Combine(media, "pipe.tif"));
            await Assert.ThrowsAsync<ImageNotFoundException>(() => Resolve(resolver, "pipe.tif"));
        }
    }

    [Fact]
    public async Task Refused_remote_references_never_contact_their_host()
    {
        await using var listener = await LocalHttpServer.StartAsync(folder);
        var port = new Uri(listener.Url).Port;
        var resolver = Resolver();
        string[] references =
        [
            $"http://127.0.0.1:{port}/x.tif",
            $"/vsicurl/http://127.0.0.1:{port}/x.tif",
            $"/vsizip//vsicurl/http://127.0.0.1:{port}/x.zip/x.tif",
            $"/vsicurl?url=http://127.0.0.1:{port}/x.tif",
            $"/vsicurl//vsicurl/http://127.0.0.1:{port}/x.tif",
            $"/vsicurl_streaming/http://127.0.0.1:{port}/x.tif",
            $"/VSICURL/http://127.0.0.1:{port}/x.tif",
            $"http://data.example.org@127.0.0.1:{port}/x.tif",
            $"http://data.example.org\\@127.0.0.1:{port}/x.tif",
            $"/vsicurl/http://data.example.org@127.0.0.1:{port}/x.tif",
            $"http://localhost:{port}/x.tif",
            $"http://[::ffff:127.0.0.1]:{port}/x.tif",
            $"http://2130706433:{port}/x.tif",
            $"http://data.example.org:{port}/x.tif",
            $"ftp://127.0.0.1:{port}/x.tif",
            "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "/vsicurl/http://169.254.169.254/latest/meta-data/",
            "https://evil.data.example.org/x.tif",
            "file:///etc/passwd",
            "file:/etc/passwd",
            "/vsimem/x.tif",
            "/vsistdin/",
            "/vsigs/allowed-bucket/x.tif",
            "/vsis3_streaming/allowed-bucket/x.tif",
            "/vsis3/other-bucket/x.tif",
            "s3://other-bucket/x.tif",
            "s3:allowed-bucket/x.tif",
            "s3://allowed-bucket/",
            "s3://Allowed_Bucket/x.tif",
        ];

        foreach (var reference in references)
        {
            var refused = await Record.ExceptionAsync(() => Resolve(resolver, reference));
            Assert.True(refused is FileAccessDeniedException, $"'{reference}' was not refused: {refused?.GetType().Name} {refused?.Message}");
        }

        Assert.Empty(listener.Requests);
    }

    [Fact]
    public async Task Allowed_remote_forms_become_gdal_paths_after_one_head()
    {
        // No server at the allowed host: the HEAD fails, which proves the reference got past the checks.
        var resolver = Resolver(o => o.Remote.AllowedHosts.Add("127.0.0.1:9"));

        await Assert.ThrowsAsync<RemoteUnavailableException>(() => Resolve(resolver, "http://127.0.0.1:9/x.tif"));
        await Assert.ThrowsAsync<RemoteUnavailableException>(() => Resolve(resolver, "/vsicurl/http://127.0.0.1:9/x.tif"));
        await Assert.ThrowsAsync<RemoteUnavailableException>(() => Resolve(resolver, "s3://allowed-bucket/x.tif"));
    }

    private static Task<ResolvedFile> Resolve(FileReferenceResolver resolver, string reference) =>
        resolver.ResolveAsync(reference, CancellationToken.None).AsTask();

    private FileReferenceResolver Resolver(Action<LargeImageOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = folder });
        services.AddLargeImage(options =>
        {
            options.MediaRoot = media;
            options.AllowedRoots.Add(extraRoot);
            options.Remote.AllowedHosts.Add("data.example.org");
            options.Remote.TimeoutSeconds = 2;
            options.Remote.ConnectTimeoutSeconds = 1;
            options.Remote.S3Buckets["allowed-bucket"] = new S3BucketOptions { Endpoint = "http://127.0.0.1:9", PathStyle = true };
            configure?.Invoke(options);
        });
        return services.BuildServiceProvider().GetRequiredService<FileReferenceResolver>();
    }
}
