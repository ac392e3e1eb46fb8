namespace LargeImage.MinimalApi.LoadTest;

/// <summary>One tile kind's in-process figures: the per-tile median on one thread and tiles/s with a thread per core.</summary>
internal readonly record struct BaselineFigure(double MedianMs, double TilesPerSecond);
