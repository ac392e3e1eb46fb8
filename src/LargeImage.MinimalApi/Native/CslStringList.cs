using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

/// <summary>
/// A NULL-terminated <c>char**</c> built from managed strings for the length of one call (open options, utility
/// argv). GDAL only reads these lists, so we own and free every byte ourselves.
/// </summary>
internal sealed class CslStringList : IDisposable
{
    private readonly nint[] items;
    private nint array;

    public CslStringList(IReadOnlyList<string>? values)
    {
        values ??= [];
        items = new nint[values.Count];
        array = Marshal.AllocHGlobal(nint.Size * (values.Count + 1));
        for (var i = 0; i < values.Count; i++)
        {
            items[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
            Marshal.WriteIntPtr(array, i * nint.Size, items[i]);
        }

        Marshal.WriteIntPtr(array, values.Count * nint.Size, 0);
    }

    /// <summary>The <c>char**</c>; valid until disposal.</summary>
    public nint Pointer => array;

    /// <summary>Copies a NULL-terminated <c>char**</c> that stays owned by GDAL.</summary>
    public static string[] Read(nint list)
    {
        if (list == 0)
        {
            return [];
        }

        var result = new List<string>();
        for (var offset = 0; ; offset += nint.Size)
        {
            var item = Marshal.ReadIntPtr(list, offset);
            if (item == 0)
            {
                return [.. result];
            }

            result.Add(Marshal.PtrToStringUTF8(item) ?? string.Empty);
        }
    }

    public void Dispose()
    {
        if (array == 0)
        {
            return;
        }

        foreach (var item in items)
        {
            Marshal.FreeCoTaskMem(item);
        }

        Marshal.FreeHGlobal(array);
        array = 0;
    }
}
