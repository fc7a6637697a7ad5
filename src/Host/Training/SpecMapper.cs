using NeuroLc.Host.Configuration;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.Host.Training;

/// <summary>Translates a resolved run's model and training sections into the rate adapters' <see cref="ModelSpec"/> and <see cref="TrainingSpec"/>.</summary>
public static class SpecMapper
{
    public static ModelSpec Model(ModelConfig model) => new()
    {
        LayerSizes = model.LayerSizes,
        Hidden = Map<Activation>(model.Hidden),
        Output = Map<OutputKind>(model.Output),
        Algorithm = Map<Algorithm>(model.Algorithm),
        Architecture = Map<ChannelArchitecture>(model.Architecture),
        LearningChannelActivation = Map<Activation>(model.LearningChannelActivation),
        LearningChannelWidths = model.LearningChannelWidths,
        LateralA = model.LateralA,
        LearningChannelRule = Map<LearningChannelRule>(model.LearningChannelRule),
        StdpChannelPhase = Map<StdpChannelPhase>(model.StdpChannelPhase),
        StdpForwardPhase = Map<StdpForwardPhase>(model.StdpForwardPhase),
        DropoutForward = model.DropoutForward,
        DropoutLearningChannel = model.DropoutLearningChannel,
        Init = Map<InitKind>(model.Init),
        LearningChannelInitStd = model.LearningChannelInitStd,
    };

    /// <summary>
    /// The training settings. Epochs, the update cap and early stopping are the host's loop, so the trainer gets no
    /// cap; threads 0 means both workers of the trainer's product engine when there are two cores.
    /// </summary>
    public static TrainingSpec Training(TrainingConfig training) => new()
    {
        Epochs = training.Epochs,
        BatchSize = training.BatchSize,
        LearningRate = (float)training.LearningRate,
        Momentum = (float)training.Momentum,
        Decay = (float)training.Decay,
        Seed = training.Seed,
        Threads = training.Threads == 0 ? Math.Min(2, Environment.ProcessorCount) : training.Threads,
        MaxUpdates = null,
        WeightBound = training.WeightBound,
    };

    // The host's enums spell the same names as the rate adapters' (a test holds them equal).
    private static T Map<T>(Enum value) where T : struct, Enum => Enum.Parse<T>(value.ToString());
}
