namespace NeuroLc.Simulator.Theory;

/// <summary>The sampled path of an integration: times and the states at those times (for phase-plane plots).</summary>
public sealed class Trajectory
{
    private readonly List<double> _times = [];
    private readonly List<double[]> _states = [];

    /// <summary>Creates an empty trajectory over the named variables.</summary>
    public Trajectory(IReadOnlyList<string> variableNames)
    {
        VariableNames = variableNames;
    }

    /// <summary>Names of the state components.</summary>
    public IReadOnlyList<string> VariableNames { get; }

    /// <summary>Sample times, increasing.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>States at <see cref="Times"/>.</summary>
    public IReadOnlyList<double[]> States => _states;

    /// <summary>Number of samples.</summary>
    public int Count => _times.Count;

    /// <summary>Appends a copy of the state at a time.</summary>
    public void Add(double time, ReadOnlySpan<double> state)
    {
        _times.Add(time);
        _states.Add(state.ToArray());
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
