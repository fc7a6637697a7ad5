using System.Runtime.Intrinsics.X86;

namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// The rows of the next minibatch, named ahead so a step can pull them into the core's cache while it is busy with
/// its updates: the examples sit at random places in a dataset far larger than any cache, and the first layer's
/// product would otherwise wait on main memory for each of them. A hint only: no value depends on it.
/// </summary>
internal readonly unsafe struct RowPrefetch
{
    private const int LineFloats = 64 / sizeof(float);

    private readonly float** _rows;
    private readonly int _count;
    private readonly int _width;

    /// <summary>Rows <paramref name="rows"/>[0 .. <paramref name="count"/>) of <paramref name="width"/> floats each.</summary>
    public RowPrefetch(float** rows, int count, int width)
    {
        _rows = rows;
        _count = rows == null ? 0 : count;
        _width = width;
    }

    /// <summary>Rows named (0 when nothing is known about the next minibatch).</summary>
    public int Count => _count;

    /// <summary>Requests rows [from, to) into the second-level cache of the calling core.</summary>
    public void Fetch(int from, int to)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        to = Math.Min(to, _count);
        for (int r = Math.Max(from, 0); r < to; r++)
        {
            float* row = _rows[r];
            for (int j = 0; j < _width; j += LineFloats)
            {
                Sse.Prefetch1(row + j);
            }

            // A row that does not start on a line boundary ends on one line more.
            Sse.Prefetch1(row + _width - 1);
        }
    }
}
