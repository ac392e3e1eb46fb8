using System.ComponentModel.DataAnnotations;

namespace LargeImage.MinimalApi.Options;

/// <summary>
/// How rendered bytes (tiles, thumbnails, histograms, small regions) are cached and how responses may be cached by
/// browsers and proxies. Bound from <c>LargeImage:Cache</c>.
/// </summary>
public sealed class LargeImageCacheOptions
{
    /// <summary>
    /// How long a rendered response stays cached. Keys include the file's size and modification time, so a changed file
    /// is never served from a stale entry whatever this is. Default <see cref="LargeImageDefaults.CacheDuration"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan Duration { get; set; } = LargeImageDefaults.CacheDuration;

    /// <summary>
    /// Upper bound of the bytes held by the in-memory cache; least recently used entries are compacted away beyond it.
    /// Default <see cref="LargeImageDefaults.CacheMemorySizeLimitBytes"/>.
    /// </summary>
    [Range(1024L, long.MaxValue)]
    public long MemorySizeLimitBytes { get; set; } = LargeImageDefaults.CacheMemorySizeLimitBytes;

    /// <summary>
    /// Larger outputs (typically big regions) are rendered per request and not cached, so one download cannot evict
    /// thousands of tiles. Default <see cref="LargeImageDefaults.CacheMaxBytesPerEntry"/>.
    /// </summary>
    [Range(0L, long.MaxValue)]
    public long MaxCachedBytesPerEntry { get; set; } = LargeImageDefaults.CacheMaxBytesPerEntry;

    /// <summary>
    /// StackExchange.Redis configuration string (e.g. <c>redis:6379,password=…</c>). When set, Redis becomes the shared
    /// second-level cache and backplane of every instance. Default: none (each instance caches in memory only).
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>
    /// The longest a request waits for Redis before it carries on without it (rendering or serving from memory).
    /// Default <see cref="LargeImageDefaults.CacheRedisTimeout"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RedisTimeout { get; set; } = LargeImageDefaults.CacheRedisTimeout;

    /// <summary>
    /// After a Redis failure, how long it is left alone before being tried again.
    /// Default <see cref="LargeImageDefaults.CacheRedisRetryAfter"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RedisRetryAfter { get; set; } = LargeImageDefaults.CacheRedisRetryAfter;

    /// <summary>
    /// <c>Cache-Control</c> of image and JSON responses, unless the route group sets its own with
    /// <c>WithLargeImageCacheControl</c>. Use <c>private, …</c> for groups that require authorization.
    /// Default <see cref="LargeImageDefaults.CacheControl"/>.
    /// </summary>
    [Required]
    public string CacheControl { get; set; } = LargeImageDefaults.CacheControl;
}
