using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Synapses;
using NeuroLc.Synapses.Language;
using NeuroLc.Synapses.Rules;

namespace NeuroLc.Simulator;

public sealed partial class CellEngine
{
    private ProjectionRuntime Instantiate(ProjectionSpec spec)
    {
        int pre = _populationIndex[spec.Pre];
        int post = _populationIndex[spec.Post];
        SynapseLayout layout = WeightMaterializer.Materialize(spec.Init, _specs[pre].Size, _specs[post].Size);
        var block = new SynapseBlock(spec.Name, spec.Pre, spec.Post, layout.PreSize, layout.PostSize,
            layout.RowStart, layout.PreIndex, layout.Weights, spec.Delay);
        var runtime = new ProjectionRuntime(spec, block, pre, post, _specs[post].Channel)
        {
            Updater = spec.SharedWith is null ? CreateUpdater(spec, _specs[post]) : null,
        };
        if (runtime.Learns && Options.BatchSize > 1)
        {
            runtime.Pending = new float[block.Count];
        }

        return runtime;
    }

    private static IBlockUpdater? CreateUpdater(ProjectionSpec spec, PopulationSpec post) => spec.Rule.Kind switch
    {
        RuleKind.Fixed => null,
        RuleKind.Hebbian => new SeparableBlockUpdater<HebbianRule>(default),
        RuleKind.Stdp or RuleKind.StdpFree => new SeparableBlockUpdater<StdpRule>(default),
        RuleKind.LearningChannelStdp or RuleKind.LearningChannelStdpFree => new SeparableBlockUpdater<LearningChannelRule>(default),
        RuleKind.ExplicitError => new SeparableBlockUpdater<ExplicitErrorRule>(default),
        RuleKind.Text => CreateTextUpdater(spec, post),
        _ => throw new GraphValidationException($"projection '{spec.Name}'", "Rule", $"unknown rule {spec.Rule.Kind}"),
    };

    private static IBlockUpdater CreateTextUpdater(ProjectionSpec spec, PopulationSpec post)
    {
        TextRule rule = TextRule.Compile(spec.Rule.Text!);
        if (rule.ReadsTarget && post.Role != PopulationRole.Output)
        {
            // Rejected when the rule is bound, before any step: the target is local only to output cells.
            throw new LocalityViolationException(
                $"projection '{spec.Name}' (rule '{rule.Source}')", "T_post", $"population '{post.Name}' ({post.Role})",
                "the target is local only to output cells");
        }

        return BlockUpdater<FixedRule>.ForBoxed(rule.Compiled);
    }

    private static void RequireDense(ProjectionRuntime p)
    {
        if (p.Block.Count != p.Block.PreSize * p.Block.PostSize)
        {
            throw new GraphValidationException($"projection '{p.Spec.Name}'", "SharedWith", "declared weight sharing needs dense projections");
        }
    }

    /// <summary>Longest path (in delay steps) of the signal of <paramref name="channel"/>; throws if it cycles,
    /// since each phase must settle.</summary>
    private int SettleSteps(Channel channel)
    {
        var depth = new int?[_populations.Length];
        var onStack = new bool[_populations.Length];
        int best = 0;
        for (int p = 0; p < _populations.Length; p++)
        {
            best = Math.Max(best, Depth(p, channel, depth, onStack));
        }

        return Math.Max(best, 1);
    }

    private int Depth(int pop, Channel channel, int?[] depth, bool[] onStack)
    {
        if (depth[pop] is int known)
        {
            return known;
        }

        bool isSource = channel == Channel.Forward
            ? _specs[pop].Role is PopulationRole.Input or PopulationRole.Bias
            : _specs[pop].Role == PopulationRole.Output;
        int d = 0;
        if (!isSource)
        {
            onStack[pop] = true;
            foreach (ProjectionRuntime proj in _projections.Where(p => p.Post == pop && p.Carried == channel))
            {
                if (onStack[proj.Pre])
                {
                    throw new GraphValidationException($"projection '{proj.Spec.Name}'", "Kind",
                        $"the {channel} signal forms a cycle through population '{_specs[proj.Pre].Name}'; every phase must settle");
                }

                d = Math.Max(d, Depth(proj.Pre, channel, depth, onStack) + proj.Spec.Delay);
            }

            onStack[pop] = false;
        }

        depth[pop] = d;
        return d;
    }
}
