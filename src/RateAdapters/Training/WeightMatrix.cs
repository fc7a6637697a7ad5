using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NeuroLc.RateAdapters.Kernels;

namespace NeuroLc.RateAdapters.Training;

/// <summary>
/// One trainable (or fixed) matrix of the network, stored rows×cols row-major in a pinned array, with its momentum
/// velocity when momentum is on. Forward W^h is n_{h−1}×n_h (from × to); learning-channel matrices are also stored
/// from × to, so every feedback product is a plain row-major product.
/// </summary>
internal sealed unsafe class WeightMatrix
{
    /// <summary>Allocates a zero matrix (and velocity when <paramref name="momentum"/>).</summary>
    public WeightMatrix(int layer, string channel, int rows, int cols, bool isBias, bool adaptive, bool momentum)
    {
        Layer = layer;
        Channel = channel;
        Rows = rows;
        Cols = cols;
        IsBias = isBias;
        Adaptive = adaptive;
        _values = Pinned(rows * cols);
        _velocity = adaptive && momentum ? Pinned(rows * cols) : null;
    }

    private readonly float[] _values;
    private readonly float[]? _velocity;
    private float[]? _velocityPanels;
    private bool _velocityStale;
    private bool _velocityPanelsCurrent;
    private float[]? _panels;
    private float[]? _transposedPanels;
    private bool _valuesStale;
    private bool _panelsCurrent;
    private float _notedMaxMagnitude;
    private bool _maxMagnitudeNoted;

    /// <summary>Weight layer h (1-based) the matrix belongs to.</summary>
    public int Layer { get; }

    /// <summary>"forward", "learning", "lateral-C'" or "lateral-A'".</summary>
    public string Channel { get; }

    /// <summary>Rows (source units).</summary>
    public int Rows { get; }

    /// <summary>Columns (destination units).</summary>
    public int Cols { get; }

    /// <summary>Whether this is a bias vector (1×n).</summary>
    public bool IsBias { get; }

    /// <summary>Whether training changes it.</summary>
    public bool Adaptive { get; }

    /// <summary>
    /// The weights, row-major. For a matrix kept only as panels (<see cref="KeepOnlyPanels"/>) they are unpacked from
    /// the panels on the first read after an update (checkpoints, hashes and metrics read them between steps).
    /// </summary>
    public float[] Values
    {
        get
        {
            // Whoever takes the array may write it: a noted largest |w| no longer holds.
            _maxMagnitudeNoted = false;
            if (_valuesStale)
            {
                Sgemm.UnpackRows(Panels, Rows, Cols, Address(_values), Cols);
                _valuesStale = false;
            }

            return _values;
        }
    }

    /// <summary>
    /// Whether the update writes the weights into <see cref="Panels"/> only (<see cref="KeepOnlyPanels"/>), leaving
    /// <see cref="Values"/> to be unpacked when read.
    /// </summary>
    public bool PanelsOnly { get; private set; }

    /// <summary>
    /// Momentum velocity, row-major, or null. For a matrix kept only as panels it is unpacked from
    /// <see cref="VelocityPanels"/> on the first read after an update, and whoever takes it may write it: the panel
    /// copy is packed again before the next step (<see cref="EnsurePanels"/>).
    /// </summary>
    public float[]? Velocity
    {
        get
        {
            if (_velocityStale)
            {
                Sgemm.UnpackRows(VelocityPanels, Rows, Cols, Address(_velocity!), Cols);
                _velocityStale = false;
            }

            _velocityPanelsCurrent = false;
            return _velocity;
        }
    }

    /// <summary>Whether the matrix has a momentum velocity (without reading it: see <see cref="Velocity"/>).</summary>
    public bool HasVelocity => _velocity != null;

    /// <summary>
    /// The velocity in the panel layout (64-byte aligned) for a matrix with momentum kept only as panels: the update
    /// writes V there and adds it to <see cref="Panels"/> tile by tile; null otherwise.
    /// </summary>
    public float* VelocityPanels { get; private set; }

    /// <summary>
    /// The weights in the packed panel layout the products read (64-byte aligned): a forward W^h, kept current by the
    /// update that writes it, or a fixed learning-channel C^h, packed once; null for matrices without a panel copy.
    /// </summary>
    public float* Panels { get; private set; }

    /// <summary>
    /// Whether <see cref="Panels"/> holds the current <see cref="Values"/>; anything else that writes the values clears
    /// it (and with it <see cref="TransposedCurrent"/>).
    /// </summary>
    public bool PanelsCurrent
    {
        get => _panelsCurrent;
        set
        {
            _panelsCurrent = value;
            TransposedCurrent &= value;
            _maxMagnitudeNoted = false;
        }
    }

    /// <summary>
    /// The panel layout of the transpose (Cols×Rows), for a forward W that BP's learning channel reads on two lanes
    /// (<see cref="EnableTransposedPanels"/>); null otherwise.
    /// </summary>
    public float* TransposedPanels { get; private set; }

    /// <summary>Whether <see cref="TransposedPanels"/> holds the transpose of the current weights.</summary>
    public bool TransposedCurrent { get; private set; }

    /// <summary>Allocates the panel copy (<paramref name="floats"/> floats plus alignment).</summary>
    public void EnablePanels(int floats)
    {
        _panels = Pinned(floats + 16);
        Panels = AlignedAddress(_panels);
        PanelsCurrent = false;
    }

    /// <summary>Allocates <see cref="TransposedPanels"/> (64-byte aligned), written from the panels by <see cref="RefreshTransposed"/>.</summary>
    public void EnableTransposedPanels()
    {
        _transposedPanels = Pinned(Sgemm.PanelFloats(Cols, Rows) + 16);
        TransposedPanels = AlignedAddress(_transposedPanels);
        TransposedCurrent = false;
    }

    /// <summary>Writes <see cref="TransposedPanels"/> from the current <see cref="Panels"/>.</summary>
    public void RefreshTransposed()
    {
        if (!PanelsCurrent)
        {
            throw new InvalidOperationException($"Layer {Layer} {Channel}: the transpose is made from current panels.");
        }

        Sgemm.TransposePanels(Panels, Rows, Cols, TransposedPanels);
        TransposedCurrent = true;
    }

    /// <summary>
    /// From now on the updates write the weights into the panel copy only (matrices with a panel copy):
    /// a two-lane step then never writes 1 MB of row-major weights back and re-packs it (Figure 12's layers).
    /// </summary>
    /// <remarks>
    /// With momentum the velocity is kept as panels too (<see cref="VelocityPanels"/>): the update then writes V and
    /// W tile by tile in the panel layout, instead of writing both row-major, adding them row group by row group and
    /// re-packing W for the forward pass (a 300×300 layer of Figure 13 moved 360 KB through five such passes).
    /// </remarks>
    public void KeepOnlyPanels()
    {
        if (Panels == null)
        {
            throw new InvalidOperationException($"Layer {Layer} {Channel}: only a matrix with a panel copy can be kept as panels.");
        }

        if (_velocity != null && VelocityPanels == null)
        {
            _velocityPanels = Pinned(Sgemm.PanelFloats(Rows, Cols) + 16);
            VelocityPanels = AlignedAddress(_velocityPanels);
            _velocityPanelsCurrent = false;
        }

        PanelsOnly = true;
    }

    /// <summary>Whether an update has written the panels since <see cref="Values"/> was last unpacked.</summary>
    public bool ValuesStale => _valuesStale;

    /// <summary>
    /// The largest |w|, as a magnitude: a weight of −10⁹ gives 10⁹, so a negative blow-up also leaves the bound (NaN
    /// when a weight is NaN). While the row-major values are out of date it is read from the
    /// panel copy (whose padding is zero), so the per-step divergence check does not unpack a panels-only matrix.
    /// </summary>
    public float MaxMagnitude() => _valuesStale
        ? MagnitudeKernels.LargestMagnitude(new ReadOnlySpan<float>(Panels, Sgemm.PanelCount(Cols) * Rows * Sgemm.PanelColumns))
        : MagnitudeKernels.LargestMagnitude(_values.AsSpan(0, Rows * Cols));

    /// <summary>
    /// The largest |w| as <see cref="NoteMaxMagnitude"/> kept it after the last update, or read now when nothing was
    /// noted since the weights were last written (or their array handed out).
    /// </summary>
    public float MaxMagnitudeSinceUpdate() => _maxMagnitudeNoted ? _notedMaxMagnitude : MaxMagnitude();

    /// <summary>Whether <see cref="MaxMagnitudeSinceUpdate"/> holds a value noted after the last update.</summary>
    public bool MaxMagnitudeNoted => _maxMagnitudeNoted;

    /// <summary>
    /// Reads and keeps the largest |w| right after an update, on the thread that wrote the weights and while they are
    /// still in its cache: the per-step bound check then does not read every wide matrix again from the shared cache
    /// on one thread (Figure 12: 4 MB per step, 15–35 % of a step).
    /// </summary>
    public void NoteMaxMagnitude()
    {
        _notedMaxMagnitude = MaxMagnitude();
        _maxMagnitudeNoted = true;
    }

    /// <summary>
    /// An update has finished writing the weights: into <see cref="Panels"/> only (<see cref="PanelsOnly"/>: the
    /// row-major values are now out of date), or into the values with the panel copy refreshed row range by row range.
    /// </summary>
    /// <param name="transposedWritten">Whether the update also wrote <see cref="TransposedPanels"/>.</param>
    public void UpdateFinished(bool transposedWritten = false)
    {
        _valuesStale = PanelsOnly;
        _velocityStale = PanelsOnly && VelocityPanels != null;
        _velocityPanelsCurrent = _velocityStale;
        _maxMagnitudeNoted = false;
        PanelsCurrent = Panels != null && Rows > 0 && Cols > 0;
        TransposedCurrent = transposedWritten && PanelsCurrent && TransposedPanels != null;
    }

    /// <summary>Packs <see cref="Panels"/> when something other than an update last wrote the values.</summary>
    public void EnsurePanels()
    {
        if (!PanelsCurrent && Panels != null && Rows > 0 && Cols > 0)
        {
            Sgemm.PackRows(Ptr, Cols, Rows, Cols, 0, Rows, Panels, 0, Sgemm.PanelCount(Cols));
            PanelsCurrent = true;
        }

        if (VelocityPanels != null && !_velocityPanelsCurrent && Rows > 0 && Cols > 0)
        {
            Sgemm.PackRows(Address(Velocity!), Cols, Rows, Cols, 0, Rows, VelocityPanels, 0, Sgemm.PanelCount(Cols));
            _velocityPanelsCurrent = true;
        }

        if (TransposedPanels != null && !TransposedCurrent && PanelsCurrent)
        {
            RefreshTransposed();
        }
    }

    /// <summary>Pointer to <see cref="Values"/> (pinned).</summary>
    public float* Ptr => Address(Values);

    /// <summary>Fills with Glorot normal/uniform for (Rows, Cols) fans, or N(0, std²) when <paramref name="std"/> is set.</summary>
    public void Initialize(InitKind init, double? std, ulong seed, ulong stream)
    {
        PanelsCurrent = false;
        var rng = new Xoshiro256(seed, stream);
        double fans = Rows + Cols;
        float[] values = Values;
        for (int i = 0; i < values.Length; i++)
        {
            double v = std is { } s ? s * rng.NextGaussian()
                : init == InitKind.GlorotNormal ? Math.Sqrt(2.0 / fans) * rng.NextGaussian()
                : Math.Sqrt(6.0 / fans) * ((2.0 * rng.NextDouble()) - 1.0);
            values[i] = (float)v;
        }
    }

    /// <summary>A pinned, zeroed array (stable address for the kernels).</summary>
    public static float[] Pinned(int length) => GC.AllocateArray<float>(Math.Max(length, 1), pinned: true);

    /// <summary>Address of a pinned array.</summary>
    public static float* Address(float[] pinned) => (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));

    /// <summary>
    /// The first 64-byte aligned address inside a pinned array (allocate 16 floats more than needed): packed panels
    /// start on a cache line, so every 16-float row of a panel is one line.
    /// </summary>
    public static float* AlignedAddress(float[] pinned)
    {
        float* p = Address(pinned);
        return p + ((int)((64 - ((nuint)p & 63)) & 63) / sizeof(float));
    }
}
