namespace NeuroLc.Simulator.Theory;

/// <summary>
/// The sampled path of an integration: times and the states at those times (for phase-plane plots). To bound
/// memory on long runs, once <see cref="MaxSamples"/> samples are held every other one is dropped and only every
/// second offered sample is kept from then on (the first sample, the initial state, is always kept).
/// </summary>
public sealed class Trajectory
{
    private readonly List<double> _times = [];
    private readonly List<double[]> _states = [];
    private long _offered;
    private long _stride = 1;

    /// <summary>Creates an empty trajectory over the named variables.</summary>
    /// <param name="variableNames">Names of the state components.</param>
    /// <param name="maxSamples">Largest number of samples held (at least 2).</param>
    public Trajectory(IReadOnlyList<string> variableNames, int maxSamples = 20_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSamples, 2);
        VariableNames = variableNames;
        MaxSamples = maxSamples;
    }

    /// <summary>Largest number of samples held.</summary>
    public int MaxSamples { get; }

    /// <summary>Names of the state components.</summary>
    public IReadOnlyList<string> VariableNames { get; }

    /// <summary>Sample times, increasing.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>States at <see cref="Times"/>.</summary>
    public IReadOnlyList<double[]> States => _states;

    /// <summary>Number of samples.</summary>
    public int Count => _times.Count;

    /// <summary>Offers the state at a time; a copy is kept when it falls on the current stride.</summary>
    public void Add(double time, ReadOnlySpan<double> state)
    {
        if (_offered++ % _stride != 0)
        {
            return;
        }

        _times.Add(time);
        _states.Add(state.ToArray());
        if (_times.Count >= MaxSamples)
        {
            // Keep samples 0, 2, 4, …: still evenly spaced in offered-step count, now at twice the stride.
            int kept = 0;
            for (int i = 0; i < _times.Count; i += 2)
            {
                _times[kept] = _times[i];
                _states[kept] = _states[i];
                kept++;
            }

            _times.RemoveRange(kept, _times.Count - kept);
            _states.RemoveRange(kept, _states.Count - kept);
            _stride *= 2;
        }
    }

    /// <summary>The series of one variable, by name (for plotting).</summary>
    public double[] Series(string variable)
    {
        int index = -1;
        for (int i = 0; i < VariableNames.Count; i++)
        {
            if (VariableNames[i] == variable)
            {
                index = i;
            }
        }

        if (index < 0)
        {
            throw new ArgumentException($"Unknown variable '{variable}'; the trajectory has {string.Join(", ", VariableNames)}.", nameof(variable));
        }

        double[] series = new double[_states.Count];
        for (int i = 0; i < series.Length; i++)
        {
            series[i] = _states[i][index];
        }

        return series;
    }
}
