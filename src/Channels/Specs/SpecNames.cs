using NeuroLc.Channels.Architectures;
using NeuroLc.Neurons;

namespace NeuroLc.Channels.Specs;

/// <summary>The JSON spellings of the spec's enumerations (camelCase, matched exactly).</summary>
internal static class SpecNames
{
    public static readonly IReadOnlyDictionary<string, TransferFunction> Transfer = new Dictionary<string, TransferFunction>(StringComparer.Ordinal)
    {
        ["identity"] = TransferFunction.Identity,
        ["tanh"] = TransferFunction.Tanh,
        ["logistic"] = TransferFunction.Logistic,
        ["relu"] = TransferFunction.Relu,
        ["softmax"] = TransferFunction.Softmax,
    };

    public static readonly IReadOnlyDictionary<string, LearningChannelKind> Kind = new Dictionary<string, LearningChannelKind>(StringComparer.Ordinal)
    {
        ["bidirectional"] = LearningChannelKind.Bidirectional,
        ["conjoined"] = LearningChannelKind.Conjoined,
        ["twin"] = LearningChannelKind.Twin,
        ["identicalTwin"] = LearningChannelKind.IdenticalTwin,
        ["distinct"] = LearningChannelKind.Distinct,
    };

    public static readonly IReadOnlyDictionary<string, LearningAlgorithm> Algorithm = new Dictionary<string, LearningAlgorithm>(StringComparer.Ordinal)
    {
        ["bp"] = LearningAlgorithm.Bp,
        ["rbp"] = LearningAlgorithm.Rbp,
        ["srbp"] = LearningAlgorithm.Srbp,
    };

    public static readonly IReadOnlyDictionary<string, ChannelConnections> Connections = new Dictionary<string, ChannelConnections>(StringComparer.Ordinal)
    {
        ["chained"] = ChannelConnections.Chained,
        ["skipped"] = ChannelConnections.Skipped,
        ["mixed"] = ChannelConnections.Mixed,
    };

    public static readonly IReadOnlyDictionary<string, LearningChannelTransfer> LearningTransfer = new Dictionary<string, LearningChannelTransfer>(StringComparer.Ordinal)
    {
        ["linear"] = LearningChannelTransfer.Linear,
        ["forward"] = LearningChannelTransfer.Forward,
    };

    public static readonly IReadOnlyDictionary<string, Adaptation> Adaptation = new Dictionary<string, Adaptation>(StringComparer.Ordinal)
    {
        ["fixed"] = Architectures.Adaptation.Fixed,
        ["hebbian"] = Architectures.Adaptation.Hebbian,
        ["stdp"] = Architectures.Adaptation.Stdp,
        ["stdp-free"] = Architectures.Adaptation.StdpFree,
    };
}
