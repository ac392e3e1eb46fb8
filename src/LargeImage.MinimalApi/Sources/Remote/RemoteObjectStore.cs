using System.Net;
using System.Net.Http.Headers;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Options;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Sources.Remote;

/// <summary>
/// Our own HTTP access to remote objects (HEAD for validators, a header peek, whole downloads for the checkout),
/// separate from GDAL's. Every call asks <see cref="RemoteAllowList"/> first, so nothing here can reach a host
/// that is not allowed, and redirects are not followed for the same reason.
/// </summary>
/// <remarks>
/// Nothing here is synchronous: HttpClient makes new connections on the thread pool, so a blocking send waits for
/// a pool thread, and under load from blocking tile reads that wait outlasts the timeout.
/// </remarks>
internal sealed class RemoteObjectStore : IDisposable
{
    private readonly HttpClient client;
    private readonly RemoteAllowList allowList;
    private readonly TimeSpan timeout;

    public RemoteObjectStore(RemoteAllowList allowList, IOptions<LargeImageOptions> options)
    {
        var remote = options.Value.Remote;
        this.allowList = allowList;
        timeout = TimeSpan.FromSeconds(remote.TimeoutSeconds);
        client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(remote.ConnectTimeoutSeconds),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            // Each call sets its own deadline: a HEAD must fail fast, a download only when it stalls.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<RemoteObjectInfo> HeadAsync(RemoteReference reference, CancellationToken cancellationToken)
    {
        using var cancel = Deadline(cancellationToken);
        using var response = await SendAsync(reference, HttpMethod.Head, null, cancel.Token);
        return Info(response);
    }

    /// <summary>The first bytes of the object, for the readers' format sniffing.</summary>
    public async Task<byte[]> ReadHeadAsync(RemoteReference reference, int length, CancellationToken cancellationToken)
    {
        using var cancel = Deadline(cancellationToken);
        using var response = await SendAsync(reference, HttpMethod.Get, new RangeHeaderValue(0, length - 1), cancel.Token);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancel.Token);
            var buffer = new byte[length];
            var read = await stream.ReadAtLeastAsync(buffer, length, throwOnEndOfStream: false, cancel.Token);
            return buffer[..read];
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is IOException or OperationCanceledException or HttpRequestException)
        {
            throw Unavailable(reference, e);
        }
    }

    /// <summary>Copies the whole object into <paramref name="destination"/>; fails when a read stalls longer than the timeout.</summary>
    public async Task<RemoteObjectInfo> DownloadAsync(RemoteReference reference, Stream destination, CancellationToken cancellationToken)
    {
        using var cancel = Deadline(cancellationToken);
        using var response = await SendAsync(reference, HttpMethod.Get, null, cancel.Token);
        var info = Info(response);
        try
        {
            await using var source = await response.Content.ReadAsStreamAsync(cancel.Token);
            var buffer = new byte[1 << 20];
            long total = 0;
            while (true)
            {
                cancel.CancelAfter(timeout);
                var read = await source.ReadAsync(buffer, cancel.Token);
                if (read == 0)
                {
                    break;
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                total += read;
            }

            if (total != info.Length)
            {
                throw new BadGatewayException($"{reference.Display} ended after {total} of {info.Length} bytes.");
            }

            return info;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is IOException or OperationCanceledException or HttpRequestException)
        {
            throw Unavailable(reference, e);
        }
    }

    public void Dispose() => client.Dispose();

    private CancellationTokenSource Deadline(CancellationToken cancellationToken)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancel.CancelAfter(timeout);
        return cancel;
    }

    private async Task<HttpResponseMessage> SendAsync(
        RemoteReference reference, HttpMethod method, RangeHeaderValue? range, CancellationToken cancellationToken)
    {
        using var request = Request(reference, method, range);
        try
        {
            return Checked(reference, await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            throw Unavailable(reference, e);
        }
    }

    private HttpRequestMessage Request(RemoteReference reference, HttpMethod method, RangeHeaderValue? range)
    {
        var bucket = allowList.Demand(reference);
        var request = new HttpRequestMessage(method, bucket is null ? reference.Url : S3RequestSigner.ObjectUrl(bucket, reference.Bucket!, reference.Key));
        request.Headers.Range = range;
        if (bucket is not null)
        {
            S3RequestSigner.Sign(request, bucket, DateTimeOffset.UtcNow);
        }

        return request;
    }

    private static HttpResponseMessage Checked(RemoteReference reference, HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        var status = response.StatusCode;
        response.Dispose();
        throw status == HttpStatusCode.NotFound
            ? new ImageNotFoundException($"{reference.Display} does not exist.")
            : new BadGatewayException($"{reference.Display}: the remote store answered {(int)status}.");
    }

    private static RemoteObjectInfo Info(HttpResponseMessage response)
    {
        var length = response.Content.Headers.ContentRange?.Length ?? response.Content.Headers.ContentLength ?? 0;
        return new RemoteObjectInfo(response.Headers.ETag?.Tag.Trim('"'), length, response.Content.Headers.LastModified);
    }

    private static RemoteUnavailableException Unavailable(RemoteReference reference, Exception e) =>
        new($"{reference.Display} could not be reached: {e.Message}", e);
}
