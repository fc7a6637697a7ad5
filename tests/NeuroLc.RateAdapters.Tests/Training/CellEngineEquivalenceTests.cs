using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.RateAdapters.Training;
using NeuroLc.Simulator;
using NeuroLc.Synapses;
using Activation = NeuroLc.RateAdapters.Training.Activation;

namespace NeuroLc.RateAdapters.Tests.Training;

/// <summary>
/// The fast path and the cell engine (DESIGN.md section 5: "this is what makes the fast path honest"): the same
/// initial weights, the same examples in the same minibatches, 20 updates, the same weights within 1e-4 relative.
/// The engine stores a projection's weights [post, pre]; the rate adapter stores W^h as [pre, post].
/// </summary>
public sealed class CellEngineEquivalenceTests
{
    private const int Batch = 4;
    private const int Updates = 20;
    private const float Lr = 0.2f;

    public static TheoryData<string> Cases => new()
    {
        "rbp", "srbp", "bp", "rbp-tanh", "srbp-tanh", "bp-tanh", "srbp-distinct", "srbp-distinct-tanh", "rbp-distinct",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Weights_after_20_updates_equal_the_cell_engine(string name)
    {
        bool distinct = name.Contains("distinct");
        var model = new ModelSpec
        {
            LayerSizes = [4, 6, 5, 3],
            Output = OutputKind.Logistic,
            Algorithm = name.StartsWith("srbp") ? Algorithm.SRBP : name.StartsWith("rbp") ? Algorithm.RBP : Algorithm.BP,
            Architecture = distinct ? ChannelArchitecture.Distinct : ChannelArchitecture.Conjoined,
            LearningChannelWidths = distinct ? [3, 2] : null,
            LearningChannelActivation = name.EndsWith("tanh") ? Activation.Tanh : Activation.Identity,
        };
        AssertEquivalent(name, model, seed: 12);
    }

    /// <summary>
    /// Adaptive STDP (section 3.6) on a Conjoined tanh network with a linear learning channel, as in Figure 11: the
    /// rate adapter's phase differences ΔO = O(t=2) − O(t=1) against the cell engine's three-phase presentation, with
    /// the forward rule of eq. 14 and the learning-channel rule of eq. 19; both channels' weights must agree. With a
    /// tanh learning signal g acts on the change the target makes in a cell's learning-channel input (section 4.1.1:
    /// on the back-propagated error summation), in both engines.
    /// </summary>
    [Theory]
    [InlineData(Algorithm.RBP, false, StdpChannelPhase.Clamped, StdpForwardPhase.Forward)]
    [InlineData(Algorithm.SRBP, false, StdpChannelPhase.Clamped, StdpForwardPhase.Forward)]
    [InlineData(Algorithm.RBP, true, StdpChannelPhase.Clamped, StdpForwardPhase.Forward)]
    [InlineData(Algorithm.SRBP, true, StdpChannelPhase.Clamped, StdpForwardPhase.Forward)]
    [InlineData(Algorithm.RBP, false, StdpChannelPhase.Free, StdpForwardPhase.Forward)]
    [InlineData(Algorithm.SRBP, false, StdpChannelPhase.Free, StdpForwardPhase.Forward)]
    [InlineData(Algorithm.RBP, false, StdpChannelPhase.Free, StdpForwardPhase.Free)]
    [InlineData(Algorithm.SRBP, true, StdpChannelPhase.Free, StdpForwardPhase.Free)]
    public void Adaptive_stdp_weights_of_both_channels_after_20_updates_equal_the_cell_engine(Algorithm algorithm, bool tanh, StdpChannelPhase phase, StdpForwardPhase forward)
    {
        var model = new ModelSpec
        {
            LayerSizes = [4, 6, 5, 3],
            Output = OutputKind.Logistic,
            Algorithm = algorithm,
            LearningChannelRule = LearningChannelRule.Stdp,
            LearningChannelActivation = tanh ? Activation.Tanh : Activation.Identity,
            StdpChannelPhase = phase,
            StdpForwardPhase = forward,
        };
        AssertEquivalent($"a{algorithm}-stdp{(tanh ? "-tanh" : "")}-{phase}-{forward}", model, seed: 12);
    }

    /// <summary>
    /// Adaptive Hebbian learning channel (eq. 12, ARBP and ASRBP, section 3.4) on a Conjoined tanh network, linear or
    /// tanh learning signal: ΔC = η · (signal of the upper layer) ⊗ (O^h ⊙ g′) in the rate adapter against the cell
    /// engine's Hebbian rule on its feedback synapses; both channels' weights must agree.
    /// </summary>
    [Theory]
    [InlineData(Algorithm.RBP, false)]
    [InlineData(Algorithm.SRBP, false)]
    [InlineData(Algorithm.RBP, true)]
    [InlineData(Algorithm.SRBP, true)]
    public void Adaptive_hebbian_weights_of_both_channels_after_20_updates_equal_the_cell_engine(Algorithm algorithm, bool tanh)
    {
        var model = new ModelSpec
        {
            LayerSizes = [4, 6, 5, 3],
            Output = OutputKind.Logistic,
            Algorithm = algorithm,
            LearningChannelRule = LearningChannelRule.Hebbian,
            LearningChannelActivation = tanh ? Activation.Tanh : Activation.Identity,
        };
        AssertEquivalent($"a{algorithm}-hebbian{(tanh ? "-tanh" : "")}", model, seed: 12);
    }

    /// <summary>
    /// Adaptive Hebbian Distinct channel (eq. 12 on the learning channel's own cells, section 3.5): ΔC′ = η λ ⊗ O^h
    /// and, with A′, ΔD = η (source) ⊗ (O^h A′ ⊙ g′); chained and skipped, linear and tanh learning cells. C′ and D
    /// must agree with the cell engine as well as the forward weights.
    /// </summary>
    [Theory]
    [InlineData(Algorithm.RBP, false, false)]
    [InlineData(Algorithm.SRBP, false, true)]
    [InlineData(Algorithm.RBP, true, true)]
    [InlineData(Algorithm.SRBP, true, false)]
    public void Adaptive_hebbian_distinct_channel_after_20_updates_equals_the_cell_engine(Algorithm algorithm, bool tanh, bool lateralA)
    {
        var model = new ModelSpec
        {
            LayerSizes = [4, 6, 5, 3],
            Output = OutputKind.Logistic,
            Algorithm = algorithm,
            Architecture = ChannelArchitecture.Distinct,
            LearningChannelWidths = [3, 2],
            LearningChannelRule = LearningChannelRule.Hebbian,
            LateralA = lateralA,
            LearningChannelActivation = tanh ? Activation.Tanh : Activation.Identity,
        };
        AssertEquivalent($"d{algorithm}-hebbian{(tanh ? "-tanh" : "")}{(lateralA ? "-A" : "")}", model, seed: 12);
    }

    /// <summary>
    /// Trains <paramref name="model"/> (logistic output, Conjoined or Distinct) for 20 updates of 4 examples on the rate
    /// adapter and the cell engine from the same initial weights and asserts every forward weight and bias agrees to
    /// 1e-4 of the matrix's largest magnitude; an adaptive learning channel's matrices too. STDP runs the engine's
    /// three-phase presentation (eqs. 15–17), the others its explicit-error mode.
    /// </summary>
    internal static void AssertEquivalent(string name, ModelSpec model, ulong seed)
    {
        int[] n = model.LayerSizes;
        int inputs = n[0];
        int outputs = n[^1];
        Dataset data = ReferenceEquivalenceTests.Data(Batch * Updates, inputs, outputs, OutputKind.Softmax);
        using var trainer = new RateTrainer(model, new TrainingSpec { BatchSize = Batch, LearningRate = Lr, Seed = seed, Threads = 1 }, data, null);
        var engine = new CellEngine(Graph(model, trainer), new EngineOptions { LearningRate = Lr, BatchSize = Batch, Mode = Stdp(model) ? PresentationMode.Phases : PresentationMode.ExplicitError });
        int[] order = trainer.EpochOrder.ToArray();
        for (int step = 0; step < Updates; step++)
        {
            Assert.True(trainer.Step());
            for (int e = step * Batch; e < (step + 1) * Batch; e++)
            {
                int row = order[e];
                engine.Train(data.Inputs.AsSpan(row * inputs, inputs).ToArray(), data.Targets.AsSpan(row * outputs, outputs).ToArray());
            }
        }

        for (int h = 1; h < n.Length; h++)
        {
            WeightMatrix w = trainer.Network.Forward(h);
            AssertTransposedEqual(name, $"W{h}", w.Values, w.Rows, w.Cols, engine.Block($"{Layer(h - 1, n)}->{Layer(h, n)}").Weights);
            float[] bias = trainer.Network.Parameters().First(p => p.Layer == h && p.IsBias).Values;
            AssertTransposedEqual(name, $"b{h}", bias, 1, n[h], engine.Block($"bias->{Layer(h, n)}").Weights);
        }

        if (model.LearningChannelRule == LearningChannelRule.Fixed)
        {
            return;
        }

        int L = n.Length - 1;
        if (model.Architecture == ChannelArchitecture.Distinct)
        {
            foreach (WeightMatrix m in trainer.Network.Parameters().Where(p => p.Adaptive && p.Channel is "learning" or "lateral-C'"))
            {
                AssertTransposedEqual(name, $"{m.Channel}(h={m.Layer})", m.Values, m.Rows, m.Cols, engine.Block(DistinctBlock(m, model, n)).Weights);
            }

            return;
        }

        for (int h = 1; h < L; h++)
        {
            bool skipped = model.Algorithm == Algorithm.SRBP;
            WeightMatrix c = trainer.Network.Feedback(skipped ? h : h + 1)!;
            string upper = skipped ? Layer(L, n) : Layer(h + 1, n);
            AssertTransposedEqual(name, $"C(h={h})", c.Values, c.Rows, c.Cols, engine.Block($"{upper}->{Layer(h, n)}").Weights);
        }
    }

    private static bool Stdp(ModelSpec model) => model.LearningChannelRule == LearningChannelRule.Stdp;

    private static NetworkGraph Graph(ModelSpec model, RateTrainer trainer)
    {
        int[] n = model.LayerSizes;
        int L = n.Length - 1;
        var b = new NetworkBuilder().Input(Layer(0, n), n[0]).Bias("bias");
        PlasticitySpec forwardRule = !Stdp(model) ? PlasticitySpec.ExplicitError
            : model.StdpForwardPhase == StdpForwardPhase.Free ? PlasticitySpec.StdpFree
            : PlasticitySpec.Stdp;
        PlasticitySpec? feedbackRule = model.LearningChannelRule == LearningChannelRule.Hebbian ? PlasticitySpec.Hebbian
            : !Stdp(model) ? null
            : model.StdpChannelPhase == StdpChannelPhase.Free ? PlasticitySpec.LearningChannelStdpFree
            : PlasticitySpec.LearningChannelStdp;
        for (int h = 1; h <= L; h++)
        {
            string post = Layer(h, n);
            // Conjoined lc-tanh: g is applied by the hidden cell to the learning signal it receives (Figure 7).
            TransferFunction g = model.Architecture == ChannelArchitecture.Conjoined && model.LearningChannelActivation == Activation.Tanh
                ? TransferFunction.Tanh
                : TransferFunction.Identity;
            b = h < L
                ? b.Population(new PopulationSpec(post, n[h], TransferFunction.Tanh, Channel.Forward, PopulationRole.Hidden) { LearningTransfer = g })
                : b.Output(post, n[h], TransferFunction.Logistic);
            WeightMatrix w = trainer.Network.Forward(h);
            b.Forward(Layer(h - 1, n), post, WeightInit.FromMatrix(Transposed(w.Values, w.Rows, w.Cols)), forwardRule)
                .Forward("bias", post, WeightInit.Constant(0), forwardRule);
        }

        for (int h = 1; h < L; h++)
        {
            string hidden = Layer(h, n);
            if (model.Architecture == ChannelArchitecture.Distinct)
            {
                string lc = $"lc{h}";
                var transfer = model.LearningChannelActivation == Activation.Tanh ? TransferFunction.Tanh : TransferFunction.Identity;
                b.LearningChannel(lc, model.LearningChannelWidths![h - 1], transfer);
                continue;
            }

            switch (model.Algorithm)
            {
                case Algorithm.BP:
                    b.Feedback(Layer(h + 1, n), hidden, WeightInit.Constant(0), sharedWith: $"{hidden}->{Layer(h + 1, n)}");
                    break;
                case Algorithm.RBP:
                    WeightMatrix c = trainer.Network.Feedback(h + 1)!;
                    b.Feedback(Layer(h + 1, n), hidden, WeightInit.FromMatrix(Transposed(c.Values, c.Rows, c.Cols)), feedbackRule);
                    break;
                default:
                    WeightMatrix cs = trainer.Network.Feedback(h)!;
                    b.Skip(Layer(L, n), hidden, WeightInit.FromMatrix(Transposed(cs.Values, cs.Rows, cs.Cols)), feedbackRule);
                    break;
            }
        }

        if (model.Architecture == ChannelArchitecture.Distinct)
        {
            foreach (WeightMatrix m in trainer.Network.Parameters().Where(p => p.Channel is "learning" or "lateral-C'" or "lateral-A'"))
            {
                int h = m.Layer;
                var init = WeightInit.FromMatrix(Transposed(m.Values, m.Rows, m.Cols));
                PlasticitySpec? rule = m.Adaptive && model.LearningChannelRule == LearningChannelRule.Hebbian ? PlasticitySpec.Hebbian : null;
                if (m.Channel == "lateral-C'")
                {
                    b.LateralC($"lc{h}", Layer(h, n), init, rule);
                }
                else if (m.Channel == "lateral-A'")
                {
                    b.LateralA(Layer(h, n), $"lc{h}", init);
                }
                else if (model.Algorithm == Algorithm.SRBP || h == L - 1)
                {
                    b.Skip(Layer(L, n), $"lc{h}", init, rule);
                }
                else
                {
                    b.Feedback($"lc{h + 1}", $"lc{h}", init, rule);
                }
            }
        }

        return b.Build();
    }

    /// <summary>The engine block of a Distinct learning-channel matrix: C′ lc^h→h^h, D out→lc^h (skipped or top) or lc^{h+1}→lc^h.</summary>
    private static string DistinctBlock(WeightMatrix m, ModelSpec model, int[] n)
    {
        int L = n.Length - 1;
        int h = m.Layer;
        return m.Channel == "lateral-C'" ? $"lc{h}->{Layer(h, n)}"
            : model.Algorithm == Algorithm.SRBP || h == L - 1 ? $"{Layer(L, n)}->lc{h}"
            : $"lc{h + 1}->lc{h}";
    }

    private static string Layer(int h, int[] n) => h == 0 ? "in" : h == n.Length - 1 ? "out" : $"h{h}";

    /// <summary>Rate storage [pre, post] (rows × cols) to the engine's [post, pre].</summary>
    private static float[,] Transposed(float[] values, int rows, int cols)
    {
        var m = new float[cols, rows];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                m[j, i] = values[(i * cols) + j];
            }
        }

        return m;
    }

    private static void AssertTransposedEqual(string name, string what, float[] rate, int rows, int cols, float[] engine)
    {
        double scale = rate.Take(rows * cols).Select(v => Math.Abs((double)v)).Max() + 1e-3;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                double a = rate[(i * cols) + j];
                double e = engine[(j * rows) + i];
                Assert.True(Math.Abs(a - e) <= 1e-4 * scale, $"{name} {what}[{i},{j}]: rate {a}, cell engine {e}");
            }
        }
    }
}
