using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace LargeImage.MinimalApi.Tests.Sources.Remote;

/// <summary>
/// s3rver (a real S3-compatible server, from the committed package.json) on 127.0.0.1 and a free port, in its own
/// temporary folder. Every HTTP request it receives is recorded, so tests count what a tile costs.
/// </summary>
internal sealed class S3Server : IDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    public const string OtherAccessKey = "OTHERKEY";
    public const string OtherSecretKey = "OTHERSECRET";

    private static readonly string PackageFolder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Sources", "Remote", "s3rver");
    private static readonly Lock InstallSync = new();

    private readonly Process process;
    private readonly string directory;

    private S3Server(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Starts the server with the given buckets; skips the test when Node.js is not installed.</summary>
    public static S3Server Start(params string[] buckets)
    {
        Skip.If(!CommandExists("node"), "Node.js is not installed, so the S3-compatible test server (s3rver) cannot run.");
        EnsureInstalled();
        var directory = Directory.CreateTempSubdirectory("largeimage-s3-").FullName;
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(PackageFolder, "server.js"), "0", directory, string.Join(',', buckets) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = PackageFolder,
        };
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        S3Server? server = null;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("s3rver exited before listening."));
            }
            else if (e.Data.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                listening.TrySetResult(int.Parse(e.Data["LISTENING ".Length..], CultureInfo.InvariantCulture));
            }
            else if (e.Data.StartsWith("REQUEST ", StringComparison.Ordinal))
            {
                server?.Requests.Enqueue(e.Data["REQUEST ".Length..]);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!listening.Task.Wait(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            throw new TimeoutException("s3rver did not start within 30 s.");
        }

        server = new S3Server(process, directory, listening.Task.Result);
        return server;
    }

    /// <summary>Stores an object (s3rver accepts any SigV4 header from a known key, so the signature is a stub).</summary>
    public async Task PutAsync(string bucket, string key, byte[] content)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Endpoint}/{bucket}/{key}") { Content = new ByteArrayContent(content) };
        var date = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("x-amz-date", date);
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        request.Headers.TryAddWithoutValidation(
            "Authorization", $"AWS4-HMAC-SHA256 Credential={AccessKey}/{date[..8]}/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0");
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"PUT {bucket}/{key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Kills the server; its port then refuses connections.</summary>
    public void Stop()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private static void EnsureInstalled()
    {
        lock (InstallSync)
        {
            if (Directory.Exists(Path.Combine(PackageFolder, "node_modules", "s3rver")))
            {
                return;
            }

            // test/run.sh installs it; this covers a plain `dotnet test` on a fresh clone.
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = PackageFolder })!;
            npm.WaitForExit();
            Assert.True(npm.ExitCode == 0, "npm ci for s3rver failed.");
        }
    }

    private static bool CommandExists(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, name)));
}
