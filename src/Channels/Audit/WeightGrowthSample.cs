namespace NeuroLc.Channels.Audit;

/// <summary>Root-mean-square weight of each channel after <see cref="Examples"/> training examples.</summary>
/// <param name="Examples">Examples presented when the sample was taken.</param>
/// <param name="ForwardRms">RMS over all forward synapses (biases excluded).</param>
/// <param name="LearningRms">RMS over all learning-channel synapses (feedback, skip, C′, A′; declared copies
/// excluded).</param>
public sealed record WeightGrowthSample(long Examples, double ForwardRms, double LearningRms);
