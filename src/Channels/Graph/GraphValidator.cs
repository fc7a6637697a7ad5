using NeuroLc.Neurons;
using NeuroLc.Synapses;
using NeuroLc.Synapses.Language;

namespace NeuroLc.Channels.Graph;

/// <summary>Checks a whole description before anything is instantiated.</summary>
internal static class GraphValidator
{
    public static void Validate(IReadOnlyList<PopulationSpec> populations, IReadOnlyList<ProjectionSpec> projections)
    {
        var byName = new Dictionary<string, PopulationSpec>(StringComparer.Ordinal);
        foreach (PopulationSpec pop in populations)
        {
            ValidatePopulation(pop);
            if (!byName.TryAdd(pop.Name, pop))
            {
                throw new GraphValidationException($"population '{pop.Name}'", "Name", "duplicate population name");
            }
        }

        var projectionNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (ProjectionSpec proj in projections)
        {
            string obj = $"projection '{proj.Name}'";
            if (string.IsNullOrWhiteSpace(proj.Name))
            {
                throw new GraphValidationException("projection", "Name", "empty name");
            }

            if (!projectionNames.Add(proj.Name))
            {
                throw new GraphValidationException(obj, "Name", "duplicate projection name");
            }

            ValidateProjection(proj, obj, byName);
        }

        var projByName = projections.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (ProjectionSpec proj in projections.Where(p => p.Bidirectional && p.SharedWith is null))
        {
            throw new GraphValidationException($"projection '{proj.Name}'", "Bidirectional",
                "a bidirectional projection is the reverse use of a forward projection; name it in SharedWith");
        }

        foreach (ProjectionSpec proj in projections.Where(p => p.SharedWith is not null))
        {
            string obj = $"projection '{proj.Name}'";
            if (!projByName.TryGetValue(proj.SharedWith!, out ProjectionSpec? other))
            {
                throw new GraphValidationException(obj, "SharedWith", $"no projection named '{proj.SharedWith}'");
            }

            if (byName[proj.Pre].Size != byName[other.Post].Size || byName[proj.Post].Size != byName[other.Pre].Size)
            {
                throw new GraphValidationException(obj, "SharedWith",
                    $"cannot share the transpose of '{other.Name}': shapes {byName[proj.Pre].Size}->{byName[proj.Post].Size} and {byName[other.Pre].Size}->{byName[other.Post].Size}");
            }
        }
    }

    private static void ValidatePopulation(PopulationSpec pop)
    {
        string obj = $"population '{pop.Name}'";
        if (string.IsNullOrWhiteSpace(pop.Name))
        {
            throw new GraphValidationException("population", "Name", "empty name");
        }

        if (pop.Size < 1)
        {
            throw new GraphValidationException(obj, "Size", $"must be ≥ 1, was {pop.Size}");
        }

        if (!(pop.DropoutProbability >= 0.0 && pop.DropoutProbability < 1.0))
        {
            throw new GraphValidationException(obj, "DropoutProbability", $"must be in [0, 1), was {pop.DropoutProbability}");
        }

        if (!(pop.LearningDropoutProbability >= 0.0 && pop.LearningDropoutProbability < 1.0))
        {
            throw new GraphValidationException(obj, "LearningDropoutProbability", $"must be in [0, 1), was {pop.LearningDropoutProbability}");
        }

        if (pop.Transfer == TransferFunction.Softmax && pop.Role != PopulationRole.Output)
        {
            throw new GraphValidationException(obj, "Transfer", "softmax is a lateral normalisation of an output population only");
        }

        if (pop.Role is PopulationRole.Input or PopulationRole.Bias or PopulationRole.Output && pop.Channel != Channel.Forward)
        {
            throw new GraphValidationException(obj, "Channel", $"{pop.Role} populations belong to the forward channel");
        }
    }

    private static void ValidateProjection(ProjectionSpec proj, string obj, Dictionary<string, PopulationSpec> byName)
    {
        if (!byName.TryGetValue(proj.Pre ?? string.Empty, out PopulationSpec? pre))
        {
            throw new GraphValidationException(obj, "Pre", $"no population named '{proj.Pre}'");
        }

        if (!byName.TryGetValue(proj.Post ?? string.Empty, out PopulationSpec? post))
        {
            throw new GraphValidationException(obj, "Post", $"no population named '{proj.Post}'");
        }

        if (proj.Delay < 1)
        {
            throw new GraphValidationException(obj, "Delay", $"must be ≥ 1 step, was {proj.Delay}");
        }

        if (post.Role is PopulationRole.Input or PopulationRole.Bias)
        {
            throw new GraphValidationException(obj, "Post", $"'{post.Name}' is an {post.Role} population; its cells are clamped and take no synapses");
        }

        ValidateKind(proj, obj, pre, post);
        ValidateInit(proj, obj, pre, post);
        if (proj.Rule is null)
        {
            throw new GraphValidationException(obj, "Rule", "missing plasticity rule");
        }

        if (proj.Rule.Kind == RuleKind.Text)
        {
            try
            {
                RuleParser.Parse(proj.Rule.Text!);
            }
            catch (RuleParseException e)
            {
                throw new GraphValidationException(obj, "Rule", e.Message);
            }
        }
    }

    private static void ValidateKind(ProjectionSpec proj, string obj, PopulationSpec pre, PopulationSpec post)
    {
        string? problem = proj.Kind switch
        {
            ProjectionKind.Forward when pre.Channel != Channel.Forward || post.Channel != Channel.Forward
                => "a forward projection joins two forward-channel populations",
            ProjectionKind.LateralC when pre.Channel != Channel.Learning || post.Channel != Channel.Forward
                => "a lateral C′ projection goes from a learning-channel population to a forward one",
            ProjectionKind.LateralA when pre.Channel != Channel.Forward || post.Channel != Channel.Learning
                => "a lateral A′ projection goes from a forward population to a learning-channel one",
            ProjectionKind.Skip when pre.Role != PopulationRole.Output
                => "a skip projection starts at the output population",
            _ => null,
        };
        if (problem is not null)
        {
            throw new GraphValidationException(obj, "Kind", $"{problem} ('{pre.Name}' is {pre.Channel}/{pre.Role}, '{post.Name}' is {post.Channel}/{post.Role})");
        }
    }

    private static void ValidateInit(ProjectionSpec proj, string obj, PopulationSpec pre, PopulationSpec post)
    {
        WeightInit? init = proj.Init;
        if (init is null)
        {
            throw new GraphValidationException(obj, "Init", "missing weight initializer");
        }

        if (!(init.Density > 0.0 && init.Density <= 1.0))
        {
            throw new GraphValidationException(obj, "Init.Density", $"must be in (0, 1], was {init.Density}");
        }

        if (!double.IsFinite(init.Scale))
        {
            throw new GraphValidationException(obj, "Init.Scale", $"weight scale must be finite, was {init.Scale}");
        }

        if (init.Kind != WeightInitKind.Explicit)
        {
            return;
        }

        float[,] m = init.Matrix!;
        if (m.GetLength(0) != post.Size || m.GetLength(1) != pre.Size)
        {
            throw new GraphValidationException(obj, "Init.Matrix",
                $"size mismatch: expected [{post.Size}, {pre.Size}] ([post, pre]), got [{m.GetLength(0)}, {m.GetLength(1)}]");
        }

        for (int i = 0; i < m.GetLength(0); i++)
        {
            for (int j = 0; j < m.GetLength(1); j++)
            {
                if (!float.IsFinite(m[i, j]))
                {
                    throw new GraphValidationException(obj, $"Init.Matrix[{i}, {j}]", $"weight must be finite, was {m[i, j]}");
                }
            }
        }
    }
}
