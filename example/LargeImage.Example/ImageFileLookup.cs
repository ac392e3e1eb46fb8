using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LargeImage.Example;

/// <summary>
/// Finds image records by id. Every large-image request starts here, cached tiles and 304s included, and a database
/// round trip per tile cost more than serving the cached tile, so found records are kept in memory: a record never
/// changes once created, and deleting one forgets it. Entries also expire after a minute, which heals a lookup that
/// raced a delete.
/// </summary>
public sealed class ImageFileLookup : IDisposable
{
    private const int MaxRecords = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    // Compiled once: EF Core's per-call query translation is most of a lookup's cost.
    private static readonly Func<ImageDb, int, CancellationToken, Task<ImageFile?>> ById = EF.CompileAsyncQuery(
        (ImageDb db, int id, CancellationToken _) => db.Images.AsNoTracking().FirstOrDefault(i => i.Id == id));

    private readonly MemoryCache records = new(new MemoryCacheOptions { SizeLimit = MaxRecords });

    /// <summary>The record with <paramref name="id"/>, or null; the database (from <paramref name="services"/>) is asked only on a miss.</summary>
    public async ValueTask<ImageFile?> FindAsync(IServiceProvider services, int id, CancellationToken cancellationToken)
    {
        if (records.TryGetValue(id, out ImageFile? known))
        {
            return known;
        }

        var found = await ById(services.GetRequiredService<ImageDb>(), id, cancellationToken);
        if (found is not null)
        {
            records.Set(id, found, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }

        return found;
    }

    /// <summary>Drops a deleted record.</summary>
    public void Forget(int id) => records.Remove(id);

    public void Dispose() => records.Dispose();
}
