using System.Text.Json;
using NeuroLc.Channels.Architectures;

namespace NeuroLc.Channels.Specs;

/// <summary>Maps the JSON document onto <see cref="ArchitectureOptions"/>, rejecting unknown keys and wrong
/// types with their JSON path. Sizes and combinations are checked when the spec is built.</summary>
internal static class ArchitectureSpecParser
{
    public static ArchitectureSpec Parse(JsonElement root, SpecReader r)
    {
        r.Object(root, "$", "$schema", "name", "description", "seed", "forward", "learningChannel");
        string? name = r.TryGet(root, "name", out JsonElement n) ? r.String(n, "$.name") : null;
        string? description = r.TryGet(root, "description", out JsonElement d) ? r.String(d, "$.description") : null;
        var options = new ArchitectureOptions
        {
            Seed = r.TryGet(root, "seed", out JsonElement s) ? r.UInt64(s, "$.seed") : 1,
            Forward = Forward(r.Required(root, "$", "forward"), r),
            LearningChannel = LearningChannel(r.Required(root, "$", "learningChannel"), r),
        };
        return new ArchitectureSpec(r, name, description, options);
    }

    private static ForwardChannelOptions Forward(JsonElement e, SpecReader r)
    {
        const string P = "$.forward";
        r.Object(e, P, "inputs", "hidden", "outputs", "transfer", "outputTransfer", "dropout");
        var f = new ForwardChannelOptions
        {
            Inputs = r.Int(r.Required(e, P, "inputs"), $"{P}.inputs"),
            Hidden = r.IntArray(r.Required(e, P, "hidden"), $"{P}.hidden"),
            Outputs = r.Int(r.Required(e, P, "outputs"), $"{P}.outputs"),
        };
        if (r.TryGet(e, "transfer", out JsonElement t))
        {
            f = f with { Transfer = r.Enum(t, $"{P}.transfer", SpecNames.Transfer) };
        }

        if (r.TryGet(e, "outputTransfer", out JsonElement ot))
        {
            f = f with { OutputTransfer = r.Enum(ot, $"{P}.outputTransfer", SpecNames.Transfer) };
        }

        return r.TryGet(e, "dropout", out JsonElement dp) ? f with { Dropout = r.Number(dp, $"{P}.dropout") } : f;
    }

    private static LearningChannelOptions LearningChannel(JsonElement e, SpecReader r)
    {
        const string P = "$.learningChannel";
        r.Object(e, P, "kind", "algorithm", "connections", "widths", "transfer", "adaptation", "dropout", "sharedWeights", "lateralA", "lateralC", "initStd");
        var lc = new LearningChannelOptions
        {
            Kind = r.Enum(r.Required(e, P, "kind"), $"{P}.kind", SpecNames.Kind),
            Algorithm = r.Enum(r.Required(e, P, "algorithm"), $"{P}.algorithm", SpecNames.Algorithm),
        };
        if (r.TryGet(e, "connections", out JsonElement c))
        {
            lc = lc with { Connections = r.Enum(c, $"{P}.connections", SpecNames.Connections) };
        }

        if (r.TryGet(e, "widths", out JsonElement w))
        {
            lc = lc with { Widths = r.IntArray(w, $"{P}.widths") };
        }

        if (r.TryGet(e, "transfer", out JsonElement t))
        {
            lc = lc with { Transfer = r.Enum(t, $"{P}.transfer", SpecNames.LearningTransfer) };
        }

        if (r.TryGet(e, "adaptation", out JsonElement a))
        {
            lc = lc with { Adaptation = r.Enum(a, $"{P}.adaptation", SpecNames.Adaptation) };
        }

        if (r.TryGet(e, "dropout", out JsonElement dp))
        {
            lc = lc with { Dropout = r.Number(dp, $"{P}.dropout") };
        }

        if (r.TryGet(e, "sharedWeights", out JsonElement sw))
        {
            lc = lc with { SharedWeights = r.Bool(sw, $"{P}.sharedWeights") };
        }

        if (r.TryGet(e, "lateralA", out JsonElement la))
        {
            lc = lc with { LateralA = r.Bool(la, $"{P}.lateralA") };
        }

        if (r.TryGet(e, "initStd", out JsonElement std))
        {
            lc = lc with { InitStd = r.Number(std, $"{P}.initStd") };
        }

        return r.TryGet(e, "lateralC", out JsonElement lcs) ? lc with { LateralC = LateralC(lcs, r) } : lc;
    }

    private static LateralLink[] LateralC(JsonElement e, SpecReader r)
        => r.Array(e, "$.learningChannel.lateralC").Select((x, i) =>
        {
            string p = $"$.learningChannel.lateralC[{i}]";
            r.Object(x, p, "from", "to");
            return new LateralLink(r.Int(r.Required(x, p, "from"), $"{p}.from"), r.Int(r.Required(x, p, "to"), $"{p}.to"));
        }).ToArray();
}
