using CsCheck;
using NeuroLc.RateAdapters.Tests.Training;
using NeuroLc.RateAdapters.Training;
using Activation = NeuroLc.RateAdapters.Training.Activation;

namespace NeuroLc.RateAdapters.Tests.Properties;

/// <summary>
/// DESIGN.md section 9: the rate adapter equals the cell engine on random small networks — 2 to 6 units per layer,
/// 2 or 3 hidden layers, BP, RBP or SRBP, identity or tanh learning signal, any seed — weights within 1e-4 relative
/// after 20 updates (<see cref="CellEngineEquivalenceTests.AssertEquivalent"/>).
/// </summary>
public sealed class CellEngineEquivalencePropertyTests
{
    private const int Cases = 60;

    private sealed record Case(int[] LayerSizes, Algorithm Algorithm, bool TanhLearningSignal, ulong Seed)
    {
        public override string ToString() =>
            $"{Algorithm.ToString().ToLowerInvariant()} [{string.Join("-", LayerSizes)}]{(TanhLearningSignal ? " lc-tanh" : "")} seed {Seed}";
    }

    private static readonly Gen<Case> s_case = Gen.Select(
        Gen.Int[2, 6].Array[4, 5],
        Gen.OneOf(Algorithm.BP, Algorithm.RBP, Algorithm.SRBP),
        Gen.Bool,
        Gen.ULong,
        (sizes, algorithm, tanh, seed) => new Case(sizes, algorithm, tanh, seed));

    // Adaptive channels exist for RBP and SRBP only.
    private static readonly Gen<Case> s_adaptiveCase = Gen.Select(
        Gen.Int[2, 6].Array[4, 5],
        Gen.OneOf(Algorithm.RBP, Algorithm.SRBP),
        Gen.Bool,
        Gen.ULong,
        (sizes, algorithm, tanh, seed) => new Case(sizes, algorithm, tanh, seed));

    [Fact]
    public void Random_small_networks_train_to_the_same_weights_as_the_cell_engine() =>
        AllEquivalent(s_case, Cases, c => (c.ToString(), new ModelSpec
        {
            LayerSizes = c.LayerSizes,
            Output = OutputKind.Logistic,
            Algorithm = c.Algorithm,
            LearningChannelActivation = c.TanhLearningSignal ? Activation.Tanh : Activation.Identity,
        }));

    /// <summary>
    /// Adaptive STDP (eqs. 14, 19) in the Conjoined chained (ARBP) or skipped (ASRBP) channel: the rate adapter's
    /// phase differences equal the cell engine's three-phase presentation, both channels' weights within 1e-4, with the
    /// learning-channel pre term of either phase (eq. 19's clamped T, eq. 32's free O) and the forward pre term at t=0
    /// or t=1 (eq. 32), chosen by the seed.
    /// </summary>
    [Fact]
    public void Random_small_adaptive_stdp_networks_train_to_the_same_weights_as_the_cell_engine() =>
        AllEquivalent(s_adaptiveCase, Cases / 2, c =>
        {
            var model = new ModelSpec
            {
                LayerSizes = c.LayerSizes,
                Output = OutputKind.Logistic,
                Algorithm = c.Algorithm,
                LearningChannelRule = LearningChannelRule.Stdp,
                LearningChannelActivation = c.TanhLearningSignal ? Activation.Tanh : Activation.Identity,
                StdpChannelPhase = c.Seed % 2 == 0 ? StdpChannelPhase.Clamped : StdpChannelPhase.Free,
                StdpForwardPhase = c.Seed % 4 < 2 ? StdpForwardPhase.Forward : StdpForwardPhase.Free,
            };
            return ($"a{c} stdp {model.StdpChannelPhase} {model.StdpForwardPhase}", model);
        });

    /// <summary>
    /// Adaptive Hebbian learning channel (eq. 12): Conjoined chained (ARBP) or skipped (ASRBP), or Distinct with its own
    /// cells (2–4 per layer, with or without A′, chosen by the seed); identity or tanh learning signal. Forward and
    /// adaptive learning-channel weights within 1e-4 of the cell engine.
    /// </summary>
    [Fact]
    public void Random_small_adaptive_hebbian_networks_train_to_the_same_weights_as_the_cell_engine() =>
        AllEquivalent(s_adaptiveCase, Cases / 2, c =>
        {
            bool distinct = c.Seed % 2 == 1;
            int hidden = c.LayerSizes.Length - 2;
            var model = new ModelSpec
            {
                LayerSizes = c.LayerSizes,
                Output = OutputKind.Logistic,
                Algorithm = c.Algorithm,
                Architecture = distinct ? ChannelArchitecture.Distinct : ChannelArchitecture.Conjoined,
                LearningChannelWidths = distinct ? Enumerable.Range(0, hidden).Select(i => 2 + (int)((c.Seed >> (8 * i)) % 3)).ToArray() : null,
                LateralA = distinct && c.Seed % 4 == 3,
                LearningChannelRule = LearningChannelRule.Hebbian,
                LearningChannelActivation = c.TanhLearningSignal ? Activation.Tanh : Activation.Identity,
            };
            return ($"a{c} hebbian{(distinct ? " distinct" : "")}{(model.LateralA ? " A'" : "")}", model);
        });

    /// <summary>Samples <paramref name="count"/> cases (fixed seed) and asserts each model's equivalence.</summary>
    private static void AllEquivalent(Gen<Case> gen, int count, Func<Case, (string Name, ModelSpec Model)> model) =>
        gen.Array[count].Sample(cases =>
        {
            foreach (Case c in cases)
            {
                (string name, ModelSpec spec) = model(c);
                CellEngineEquivalenceTests.AssertEquivalent(name, spec, c.Seed);
            }
        }, seed: PropertySettings.Seed, iter: 1, threads: 1);
}
