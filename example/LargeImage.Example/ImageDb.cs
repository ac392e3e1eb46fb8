using Microsoft.EntityFrameworkCore;

namespace LargeImage.Example;

/// <summary>The demo's SQLite database.</summary>
public sealed class ImageDb(DbContextOptions<ImageDb> options) : DbContext(options)
{
    public DbSet<ImageFile> Images => Set<ImageFile>();
}
