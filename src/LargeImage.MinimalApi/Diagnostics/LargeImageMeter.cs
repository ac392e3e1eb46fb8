namespace LargeImage.MinimalApi.Diagnostics;

/// <summary>
/// The <see cref="System.Diagnostics.Metrics.Meter"/> every large-image instrument belongs to, e.g. for
/// OpenTelemetry's <c>AddMeter(LargeImageMeter.Name)</c>. Instruments: <c>largeimage.renders</c>,
/// <c>largeimage.render.duration</c>, <c>largeimage.cache.lookups</c> (tag <c>level</c>: memory, distributed, miss)
/// and <c>largeimage.readers.open</c>.
/// </summary>
public static class LargeImageMeter
{
    /// <summary>The meter's name.</summary>
    public const string Name = "LargeImage.MinimalApi";
}
