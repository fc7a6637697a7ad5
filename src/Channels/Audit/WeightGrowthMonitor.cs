using NeuroLc.Channels.Graph;

namespace NeuroLc.Channels.Audit;

/// <summary>
/// Records the weight growth of both channels of a running network, for any engine: the caller hands over each
/// projection's current weights by name. Forward synapses (biases excluded) and learning-channel synapses
/// (feedback, skip, C′, A′; declared transposed copies excluded, they are forward weights) are pooled per channel
/// into a root-mean-square weight.
/// </summary>
public sealed class WeightGrowthMonitor
{
    private readonly string[] _forward;
    private readonly string[] _learning;
    private readonly List<WeightGrowthSample> _samples = [];

    /// <summary>Monitors the projections of <paramref name="graph"/>.</summary>
    public WeightGrowthMonitor(NetworkGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _forward = graph.Projections
            .Where(p => p.Kind == ProjectionKind.Forward && graph.Population(p.Pre).Role != PopulationRole.Bias)
            .Select(p => p.Name).ToArray();
        _learning = graph.Projections
            .Where(p => p.Kind != ProjectionKind.Forward && p.SharedWith is null)
            .Select(p => p.Name).ToArray();
        if (_learning.Length == 0)
        {
            throw new ArgumentException("the network has no learning-channel synapses of its own to monitor", nameof(graph));
        }
    }

    /// <summary>The samples recorded so far.</summary>
    public IReadOnlyList<WeightGrowthSample> Samples => _samples;

    /// <summary>Records both channels' RMS weight; <paramref name="weights"/> returns a projection's current
    /// weights by name.</summary>
    public WeightGrowthSample Record(long examples, Func<string, float[]> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var sample = new WeightGrowthSample(examples, Rms(_forward, weights), Rms(_learning, weights));
        _samples.Add(sample);
        return sample;
    }

    /// <summary>Growth of each channel from the first to the last sample; flags the run when the learning
    /// channel grew more than <paramref name="ratio"/> times faster than the forward one, or more than
    /// <paramref name="runawayLimit"/>-fold.</summary>
    public WeightGrowthReport Report(double ratio = 2.0, double runawayLimit = 50.0)
    {
        if (_samples.Count < 2)
        {
            throw new InvalidOperationException($"weight growth needs at least two samples, have {_samples.Count}");
        }

        WeightGrowthSample first = _samples[0];
        WeightGrowthSample last = _samples[^1];
        return new WeightGrowthReport(last.ForwardRms / first.ForwardRms, last.LearningRms / first.LearningRms, ratio, runawayLimit, [.. _samples]);
    }

    private static double Rms(string[] projections, Func<string, float[]> weights)
    {
        double sum = 0;
        long count = 0;
        foreach (string name in projections)
        {
            foreach (float w in weights(name))
            {
                sum += (double)w * w;
            }

            count += weights(name).Length;
        }

        return count == 0 ? 0 : Math.Sqrt(sum / count);
    }
}
