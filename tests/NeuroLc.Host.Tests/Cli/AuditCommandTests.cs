using System.Text.Json;
using NeuroLc.Host.Tests.Support;

namespace NeuroLc.Host.Tests.Cli;

/// <summary><c>neurolc audit</c> on the shipped architecture specs (experiments/architectures).</summary>
public sealed class AuditCommandTests
{
    private static string Spec(string name) => Experiments.RepositoryFolder(Path.Combine("experiments", "architectures", name + ".json"));

    private static Dictionary<string, string> Verdicts(string output)
    {
        using JsonDocument json = JsonDocument.Parse(output);
        return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("verdict").GetString()!);
    }

    [Fact]
    public void Json_for_conjoined_srbp_gives_the_section_3_5_verdicts()
    {
        (int code, string output, string error) = CommandLineTests.Invoke(new LogisticEngine(), ["audit", Spec("arch05"), "--json"]);

        Assert.True(code == 0, error);
        // Architecture 5: "addressed the WTS challenge. The ARC and NEU symmetries are inherent in the Conjoined
        // skipped architecture ... The LIN and ADA challenges are not addressed by standard SRBP."
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["ARC"] = "needed", ["WTS"] = "not-needed", ["NEU"] = "needed", ["DER"] = "not-needed",
                ["LIN"] = "not-achieved", ["ADA"] = "not-achieved",
            },
            Verdicts(output));
    }

    [Fact]
    public void Json_for_the_distinct_adaptive_nonlinear_channel_needs_no_undesirable_symmetry()
    {
        (int code, string output, string error) = CommandLineTests.Invoke(new LogisticEngine(), ["audit", Spec("arch10"), "--json"]);

        Assert.True(code == 0, error);
        Dictionary<string, string> verdicts = Verdicts(output);
        Assert.Equal("not-needed", verdicts["WTS"]);
        Assert.Equal("not-needed", verdicts["NEU"]);
        Assert.Equal("not-needed", verdicts["DER"]);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.All(json.RootElement.EnumerateObject(), p => Assert.NotEmpty(p.Value.GetProperty("evidence").EnumerateArray()));
    }

    [Fact]
    public void Table_names_every_symmetry()
    {
        (int code, string output, string error) = CommandLineTests.Invoke(new LogisticEngine(), ["audit", Spec("arch08")]);

        Assert.True(code == 0, error);
        foreach (string symmetry in new[] { "ARC", "WTS", "NEU", "DER", "LIN", "ADA" })
        {
            Assert.Contains(symmetry, output);
        }
    }

    [Fact]
    public void Bp_in_a_twin_network_is_rejected_as_the_weight_symmetry_requirement()
    {
        (int code, string output, string error) = CommandLineTests.Invoke(new LogisticEngine(), ["audit", Spec("arch03"), "--json"]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("WTS", error);
        Assert.Contains("$.learningChannel.algorithm", error);
    }

    [Fact]
    public void A_missing_spec_file_exits_2_naming_it()
    {
        using var temp = new TempFolder();
        string missing = temp.Combine("nope.json");

        (int code, _, string error) = CommandLineTests.Invoke(new LogisticEngine(), ["audit", missing]);

        Assert.Equal(2, code);
        Assert.Contains("nope.json", error);
    }

    [Fact]
    public void An_impossible_width_exits_2_with_its_json_path()
    {
        using var temp = new TempFolder();
        string file = temp.Combine("bad.json");
        File.WriteAllText(file, File.ReadAllText(Spec("arch10")).Replace("\"widths\": [", "\"widths\": [0, "));

        (int code, _, string error) = CommandLineTests.Invoke(new LogisticEngine(), ["audit", file]);

        Assert.Equal(2, code);
        Assert.Contains("$.learningChannel.widths", error);
    }
}
