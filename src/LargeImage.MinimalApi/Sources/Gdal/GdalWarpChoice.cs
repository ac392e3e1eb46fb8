namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>What a warp of a target extent reads (<see cref="GdalWarpOverview.Choose"/>).</summary>
/// <param name="Level">The 0-based overview level to warp from, or -1 for full resolution.</param>
/// <param name="CentreColumn">The full-resolution source column under the extent's centre; NaN where it does not transform.</param>
/// <param name="CentreRow">The full-resolution source row under the extent's centre; NaN where it does not transform.</param>
internal readonly record struct GdalWarpChoice(int Level, double CentreColumn, double CentreRow);
