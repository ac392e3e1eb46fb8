namespace LargeImage.MinimalApi.LoadTest;

/// <summary>CPU time the server and the load generator used during one scenario.</summary>
internal readonly record struct CpuUse(TimeSpan Server, TimeSpan Client);
