using NeuroLc.Neurons;
using NeuroLc.Simulator.Locality;
using NeuroLc.Simulator.Probes;
using NeuroLc.Synapses;

namespace NeuroLc.Simulator;

public sealed partial class CellEngine
{
    /// <summary>Applies the pending minibatch updates now (their mean, Δw = η ⟨R O_pre⟩) even if the batch is
    /// not full.</summary>
    public void FlushBatch()
    {
        if (_batchFill == 0)
        {
            return;
        }

        float scale = 1f / _batchFill;
        foreach (ProjectionRuntime proj in _projections)
        {
            if (proj.Pending is not float[] pending)
            {
                continue;
            }

            float[] w = proj.Block.Weights;
            for (int k = 0; k < w.Length; k++)
            {
                w[k] += pending[k] * scale;
                if (!float.IsFinite(w[k]))
                {
                    throw new InvalidOperationException(
                        $"divergence: synapse {proj.Block.DescribeSynapse(k)} weight became {w[k]} at step {StepCount}; lower the learning rate");
                }
            }

            Array.Clear(pending);
        }

        _batchFill = 0;
        RecordWeightProbes();
    }

    /// <summary>The broadcast learning rate for the current example, η₀ / (1 + decay · t).</summary>
    public float CurrentLearningRate => (float)(Options.LearningRate / (1.0 + (Options.LearningRateDecay * ExamplesSeen)));

    private void ApplyPlasticity(Phase phase)
    {
        BuildPostViews();
        float eta = CurrentLearningRate;
        foreach (ProjectionRuntime proj in _projections)
        {
            if (!proj.Learns)
            {
                continue;
            }

            RatePopulation pre = _populations[proj.Pre];
            // A forward synapse sees its pre cell's t=0 output, a learning-channel synapse what its pre cell sends last
            // (the clamped phase: T at the output, eq. 19); the free-phase rules see the pre cell at t=1 (O1: eq. 32).
            RuleKind kind = proj.Spec.Rule.Kind;
            ReadOnlySpan<float> preSignal = kind is RuleKind.StdpFree or RuleKind.LearningChannelStdpFree ? pre.O1
                : proj.Carried == Channel.Forward ? pre.O0
                : pre.LearningOutput;
            PostState[] post = proj.IntoOther ? _crossChannelView[proj.Post] : _sameChannelView[proj.Post];
            float[] destination = proj.Pending ?? proj.Block.Weights;
            try
            {
                if (proj.CheckedRule is not null)
                {
                    UpdateChecked(proj, preSignal, post, eta, phase, destination);
                }
                else
                {
                    proj.Updater!.Update(proj.Block, preSignal, post, eta, phase, destination, Audit);
                }
            }
            catch (LocalityViolationException e) when (proj.CheckedRule is null)
            {
                Audit?.RecordViolation(e);
                throw;
            }

            Audit?.AddUpdates(proj.Block.Count);
        }

        if (Options.BatchSize > 1)
        {
            if (++_batchFill == Options.BatchSize)
            {
                FlushBatch();
            }
        }
        else
        {
            RecordWeightProbes();
        }
    }

    private void UpdateChecked(ProjectionRuntime proj, ReadOnlySpan<float> preSignal, PostState[] post, float eta, Phase phase, float[] destination)
    {
        SynapseBlock block = proj.Block;
        int preFirst = _populations[proj.Pre].FirstCellId;
        int postFirst = _populations[proj.Post].FirstCellId;
        for (int i = 0; i < block.PostSize; i++)
        {
            for (int k = block.RowStart[i]; k < block.RowStart[i + 1]; k++)
            {
                int j = block.PreCell(k);
                _reader.Bind(proj, k, preFirst + j, postFirst + i, preSignal[j], in post[i], eta, phase);
                destination[k] += proj.CheckedRule!.Delta(_reader);
            }
        }
    }

    /// <summary>
    /// The post-cell state each incoming synapse may see. For a synapse of the cell's own channel: S, f'(S), and as
    /// "other" the lateral input from the opposite channel (eq. 12's post term). For a synapse carrying the
    /// opposite channel's signal (C′ onto a forward cell, A′ onto a learning-channel cell) the roles swap: its S is
    /// the lateral sum and its "other" is the cell's own activity. The lateral sum enters linearly (f' = 1) unless the
    /// cell applies a learning transfer g to it (Conjoined lc-tanh, section 4.1.1): then the synapse's post cell is
    /// the learning-channel unit g(S) and eq. 12's derivative is g'(S).
    /// </summary>
    private void BuildPostViews()
    {
        for (int p = 0; p < _populations.Length; p++)
        {
            RatePopulation pop = _populations[p];
            PostState[] same = _sameChannelView[p];
            PostState[] cross = _crossChannelView[p];
            float[]? target = pop.Target;
            bool forward = pop.Channel == Channel.Forward;
            for (int i = 0; i < pop.Size; i++)
            {
                // A learning-channel cell is silent at t=0; its activity is what it sent last.
                float activity = forward ? pop.O0[i] : pop.O[i];
                float t = target is null ? 0f : target[i];
                same[i] = new PostState(pop.S[i], activity, pop.FPrime[i], pop.O1[i], pop.O2[i], pop.Other[i], pop.R[i], pop.IsOutput, t);
                float lateral = pop.Other[i];
                float gPrime = pop.LearningTransfer == TransferFunction.Identity ? 1f
                    : TransferFunctions.Derivative(pop.LearningTransfer, lateral, TransferFunctions.Apply(pop.LearningTransfer, lateral));
                cross[i] = new PostState(lateral, activity, gPrime, pop.O1[i], pop.O2[i], activity, pop.R[i], pop.IsOutput, t);
            }
        }
    }

    private void RefreshSharedWeights()
    {
        // Declared weight sharing (BP in Bidirectional/Conjoined networks) is the non-local weight-transport
        // symmetry itself: the engine copies the transpose, it is never read by a rule.
        foreach (ProjectionRuntime proj in _projections)
        {
            if (proj.SharedSource is not ProjectionRuntime source)
            {
                continue;
            }

            float[] w = proj.Block.Weights;
            float[] src = source.Block.Weights;
            int pre = proj.Block.PreSize;
            int post = proj.Block.PostSize;
            for (int i = 0; i < post; i++)
            {
                for (int j = 0; j < pre; j++)
                {
                    w[(i * pre) + j] = src[(j * post) + i];
                }
            }
        }
    }

    private void RecordCellProbes()
    {
        foreach (Probe probe in _cellProbes)
        {
            RatePopulation pop = _populations[_populationIndex[probe.Target]];
            int i = probe.Index;
            float value = probe.Variable switch
            {
                CellVariable.Output => pop.O[i],
                CellVariable.S => pop.S[i],
                CellVariable.FPrime => pop.FPrime[i],
                CellVariable.O1 => pop.O1[i],
                CellVariable.O2 => pop.O2[i],
                CellVariable.DeltaO => pop.O2[i] - pop.O1[i],
                CellVariable.Other => pop.Other[i],
                CellVariable.R => pop.R[i],
                CellVariable.Target => pop.Target?[i] ?? float.NaN,
                _ => float.NaN,
            };
            probe.Add(StepCount, value);
        }
    }

    private void RecordWeightProbes()
    {
        foreach (Probe probe in _weightProbes)
        {
            probe.Add(StepCount, _projectionByName[probe.Target].Block.Weights[probe.Index]);
        }
    }
}
