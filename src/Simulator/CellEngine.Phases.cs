using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Synapses;

namespace NeuroLc.Simulator;

public sealed partial class CellEngine
{
    /// <summary>
    /// Presents one training example: phase t=0 (forward), then the learning-channel phase(s) of
    /// <see cref="EngineOptions.Mode"/>, then one plasticity update of every plastic synapse (applied at once
    /// online, or accumulated for the minibatch).
    /// </summary>
    public void Train(ReadOnlySpan<float> input, ReadOnlySpan<float> target)
    {
        SetTarget(_specs[_output].Name, target);
        RefreshSharedWeights();
        _training = true;
        BeginExample(input);
        RunPhase(Phase.Forward);
        RunPhase(Phase.Feedback);
        Phase last = Phase.Feedback;
        if (Options.Mode == PresentationMode.Phases)
        {
            RunPhase(Phase.Clamped);
            last = Phase.Clamped;
            StoreDeltaOAsError();
        }
        else
        {
            foreach (RatePopulation pop in _populations)
            {
                Array.Copy(pop.O1, pop.O2, pop.Size);
            }
        }

        ApplyPlasticity(last);
        ExamplesSeen++;
    }

    /// <summary>Runs phase t=0 only, without dropout or learning, and returns the outputs.</summary>
    public ReadOnlySpan<float> Predict(ReadOnlySpan<float> input)
    {
        RefreshSharedWeights();
        _training = false;
        BeginExample(input);
        RunPhase(Phase.Forward);
        return Output;
    }

    /// <summary>Gives targets to an output population — the only cells where a target is local.</summary>
    public void SetTarget(string population, ReadOnlySpan<float> target)
    {
        RatePopulation pop = Population(population);
        if (pop.Target is null)
        {
            throw new ArgumentException(
                $"population '{population}': Target cannot be given to non-output cells (the target is local only to output cells)",
                nameof(population));
        }

        if (target.Length != pop.Size)
        {
            throw new ArgumentException($"population '{population}': Target has {target.Length} values for {pop.Size} cells", nameof(target));
        }

        target.CopyTo(pop.Target);
    }

    private void BeginExample(ReadOnlySpan<float> input)
    {
        RatePopulation inputs = _populations[_input];
        if (input.Length != inputs.Size)
        {
            throw new ArgumentException($"population '{inputs.Name}': input has {input.Length} values for {inputs.Size} cells", nameof(input));
        }

        for (int p = 0; p < _populations.Length; p++)
        {
            RatePopulation pop = _populations[p];
            Array.Clear(pop.S);
            Array.Clear(pop.Other);
            Array.Clear(pop.R);
            Array.Clear(pop.LearningOutput);
            if (_specs[p].Role == PopulationRole.Bias)
            {
                Array.Fill(pop.O, 1f);
            }
            else
            {
                Array.Clear(pop.O);
            }

            if (_training)
            {
                pop.DrawDropout(Options.Seed, ExamplesSeen);
                pop.DrawLearningDropout(Options.Seed, ExamplesSeen);
            }
            else
            {
                pop.ClearDropout();
            }
        }

        input.CopyTo(inputs.O);
    }

    private void RunPhase(Phase phase)
    {
        Channel channel = phase == Phase.Forward ? Channel.Forward : Channel.Learning;
        float[][] history = channel == Channel.Forward ? _forwardHistory : _learningHistory;
        if (phase != Phase.Forward)
        {
            ClampOutputs(phase);
        }

        foreach (float[] h in history)
        {
            Array.Clear(h);
        }

        foreach (bool[] c in _changed)
        {
            Array.Clear(c);
        }

        foreach (float[] c in _contribution)
        {
            Array.Clear(c);
        }

        WriteHistory(history, channel, phaseStart: true);
        int settle = channel == Channel.Forward ? _forwardSettle : _learningSettle;
        for (int s = 0; s < settle; s++)
        {
            StepCount++;
            ResetAccumulators(channel);
            for (int p = 0; p < _projections.Length; p++)
            {
                ProjectionRuntime proj = _projections[p];
                if (proj.Carried != channel)
                {
                    continue;
                }

                RatePopulation pre = _populations[proj.Pre];
                RatePopulation post = _populations[proj.Post];
                float[] contribution = _contribution[p];

                // Before the phase began this slot was cleared: the signal has not arrived yet.
                int slot = (int)(((StepCount - proj.Spec.Delay) % _depth + _depth) % _depth);

                // A message identical to the previous step's gives the same contribution: only a changed pre
                // signal is propagated again (the wave front), which makes a phase cost one pass per synapse.
                if (_changed[proj.Pre][slot])
                {
                    Array.Clear(contribution);
                    proj.Block.Propagate(history[proj.Pre].AsSpan(slot * pre.Size, pre.Size), contribution);
                }

                float[] target = proj.IntoOther ? post.Other : post.S;
                for (int i = 0; i < contribution.Length; i++)
                {
                    target[i] += contribution[i];
                }
            }

            UpdateCells(phase);
            WriteHistory(history, channel, phaseStart: false);
            RecordCellProbes();
        }

        EndPhase(phase);
    }

    private void ResetAccumulators(Channel channel)
    {
        for (int p = 0; p < _populations.Length; p++)
        {
            RatePopulation pop = _populations[p];
            if (IsSource(p, channel))
            {
                continue;
            }

            // Each step integrates afresh what arrives in the phase's channel; the other input is held.
            Array.Clear(pop.Channel == channel ? pop.S : pop.Other);
        }
    }

    private void UpdateCells(Phase phase)
    {
        bool explicitError = Options.Mode == PresentationMode.ExplicitError;
        for (int p = 0; p < _populations.Length; p++)
        {
            RatePopulation pop = _populations[p];
            if (IsSource(p, phase == Phase.Forward ? Channel.Forward : Channel.Learning) || _specs[p].Role is PopulationRole.Input or PopulationRole.Bias)
            {
                continue;
            }

            if (phase == Phase.Forward)
            {
                // Learning-channel cells are silent during the forward sweep (they only collect A′ input).
                if (pop.Channel == Channel.Forward)
                {
                    pop.Activate(default, _training);
                }
            }
            else if (pop.Channel == Channel.Learning)
            {
                pop.Activate(default, _training);
                Array.Copy(pop.O, pop.LearningOutput, pop.Size);
            }
            else if (explicitError)
            {
                // R = f'(S) ⊙ g(lateral input) (eqs. 9, 11; g = identity, or tanh for lc-tanh), computed by the
                // cell itself from its own received input and sent on.
                pop.ComputeLocalError();
                Array.Copy(pop.R, pop.LearningOutput, pop.Size);
            }
            else
            {
                // O(t) = f(S + lateral drive) with the forward drive S of t=0 held (eqs. 16–17); at t=2 the cell
                // applies its g to the change the clamped target made in what it receives (lc-tanh, section 4.1.1).
                // Learning-channel dropout (section 4.1.2) masks only the cell's own received signal.
                pop.Activate(pop.LearningDrive(clamped: phase == Phase.Clamped), _training, updateDerivative: false);
                Array.Copy(pop.O, pop.LearningOutput, pop.Size);
            }
        }
    }

    private void ClampOutputs(Phase phase)
    {
        foreach (RatePopulation pop in _populations)
        {
            Array.Clear(pop.LearningOutput);
        }

        RatePopulation output = _populations[_output];
        float[] target = output.Target!;
        for (int i = 0; i < output.Size; i++)
        {
            output.R[i] = target[i] - output.O0[i];
            float sent = Options.Mode == PresentationMode.ExplicitError ? output.R[i]
                : phase == Phase.Feedback ? output.O0[i]
                : target[i];
            output.LearningOutput[i] = sent;
            output.O[i] = Options.Mode == PresentationMode.ExplicitError ? output.O0[i] : sent;
        }
    }

    private void EndPhase(Phase phase)
    {
        foreach (RatePopulation pop in _populations)
        {
            float[] record = phase switch
            {
                Phase.Forward => pop.O0,
                Phase.Feedback => pop.O1,
                _ => pop.O2,
            };
            Array.Copy(pop.O, record, pop.Size);
            if (phase == Phase.Feedback)
            {
                pop.RememberFeedbackInput();
            }
        }

        if (phase == Phase.Forward)
        {
            RatePopulation output = _populations[_output];
            for (int i = 0; i < output.Size; i++)
            {
                if (!float.IsFinite(output.O[i]))
                {
                    throw new InvalidOperationException(
                        $"divergence: {output.DescribeCell(i)} output is {output.O[i]} at step {StepCount} (example {ExamplesSeen}); lower the learning rate");
                }
            }
        }
    }

    // In the phase protocol the local error of a deep cell is its phase difference (eq. 18).
    private void StoreDeltaOAsError()
    {
        for (int p = 0; p < _populations.Length; p++)
        {
            RatePopulation pop = _populations[p];
            if (_specs[p].Role is PopulationRole.Hidden)
            {
                for (int i = 0; i < pop.Size; i++)
                {
                    pop.R[i] = pop.O2[i] - pop.O1[i];
                }
            }
        }
    }

    /// <summary>Records what every population emits at this step, and whether it differs from what it emitted
    /// one step earlier (at the phase start: whether it is non-zero, the cleared contributions being zero).</summary>
    private void WriteHistory(float[][] history, Channel channel, bool phaseStart)
    {
        int slot = (int)(StepCount % _depth);
        int previous = (slot + _depth - 1) % _depth;
        for (int p = 0; p < _populations.Length; p++)
        {
            RatePopulation pop = _populations[p];
            float[] signal = channel == Channel.Forward ? pop.O : pop.LearningOutput;
            Span<float> now = history[p].AsSpan(slot * pop.Size, pop.Size);
            ReadOnlySpan<float> before = history[p].AsSpan(previous * pop.Size, pop.Size);
            signal.CopyTo(now);
            _changed[p][slot] = phaseStart ? now.ContainsAnyExcept(0f) : !now.SequenceEqual(before);
        }
    }

    private bool IsSource(int p, Channel channel) => channel == Channel.Forward
        ? _specs[p].Role is PopulationRole.Input or PopulationRole.Bias
        : _specs[p].Role == PopulationRole.Output;
}
