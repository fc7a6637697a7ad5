using System.Text.Json;
using NeuroLc.Host.Tests.Support;

namespace NeuroLc.Host.Tests.Cli;

/// <summary>The verbs wired to the other engines: theory, bench rate, bench sgemm, demo, reproduce theorems.</summary>
public sealed class SimulatorCommandsTests
{
    [Fact]
    public void Theory_json_reports_convergence_of_theorem_2()
    {
        (int code, string output, _) = CommandLineTests.Invoke(new LogisticEngine(), ["theory", "a111", "--init", "a1=0.5,a2=0.5,c1=0.5", "--json"]);

        Assert.Equal(0, code);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal("a111", json.RootElement.GetProperty("system").GetString());
        Assert.True(json.RootElement.GetProperty("converged").GetBoolean());
        // Theorem 2: the system converges to alpha - beta P = 0, here P = alpha / beta = 1.
        Assert.Equal(1.0, json.RootElement.GetProperty("P_final").GetDouble(), 1e-6);
    }

    [Fact]
    public void Theory_without_json_prints_a_summary_and_writes_the_phase_plane()
    {
        using var temp = new TempFolder();
        string plot = temp.Combine("phase.png");

        (int code, string output, _) = CommandLineTests.Invoke(new LogisticEngine(), ["theory", "a1111", "--plot", plot]);

        Assert.Equal(0, code);
        Assert.Contains("converged", output);
        Assert.True(new FileInfo(plot).Length > 5000);
    }

    [Theory]
    [InlineData("theory nosuch", "unknown system 'nosuch'")]
    [InlineData("theory a111 --beta -1", "beta")]
    [InlineData("theory a111 --init a1=1,a2=2", "c1")]
    public void Bad_theory_input_exits_2_naming_the_problem(string args, string expected)
    {
        (int code, _, string error) = CommandLineTests.Invoke(new LogisticEngine(), args.Split(' '));

        Assert.Equal(2, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Bench_rate_reports_throughput_as_json()
    {
        (int code, string output, string error) = CommandLineTests.Invoke(new LogisticEngine(),
            ["bench", "rate", "--network", "fig7", "--algorithm", "SRBP", "--examples", "500", "--threads", "1", "--json"]);

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("examples").GetInt64() >= 400);
        Assert.True(json.RootElement.GetProperty("synapse_updates_per_second").GetDouble() > 0);
    }

    [Fact]
    public void Bench_rate_with_repeats_reports_the_median_of_the_timed_runs()
    {
        (int code, string output, string error) = CommandLineTests.Invoke(new LogisticEngine(),
            ["bench", "rate", "--network", "fig7", "--algorithm", "BP", "--examples", "300", "--threads", "2", "--repeats", "3", "--json"]);

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        double[] all = [.. root.GetProperty("seconds_all").EnumerateArray().Select(e => e.GetDouble())];
        Assert.Equal(3, all.Length);
        Assert.All(all, s => Assert.True(s > 0));
        Assert.Equal(all.Order().ElementAt(1), root.GetProperty("seconds").GetDouble());
        Assert.Equal(300, root.GetProperty("examples").GetInt64());
        Assert.Equal(root.GetProperty("seconds").GetDouble() / 300 * 60000, root.GetProperty("seconds_per60000_examples").GetDouble(), 9);
    }

    [Fact]
    public void Bench_rate_names_a_bad_repeat_count()
    {
        (int code, _, string error) = CommandLineTests.Invoke(new LogisticEngine(), ["bench", "rate", "--examples", "100", "--repeats", "0"]);

        Assert.Equal(2, code);
        Assert.Contains("--repeats must be at least 1", error);
    }

    [Fact]
    public void Bench_rate_with_peak_sets_figure_12_against_the_readings_between_its_slices()
    {
        (int code, string output, string error) = CommandLineTests.Invoke(new LogisticEngine(),
            ["bench", "rate", "--network", "fig12", "--examples", "1000", "--threads", "2", "--peak", "--json"]);

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal(1, root.GetProperty("peak_readings").GetArrayLength());
        Assert.Equal(root.GetProperty("gflops").GetDouble() / root.GetProperty("peak_gflops").GetDouble(),
            root.GetProperty("share_of_peak").GetDouble(), 9);
    }

    [Fact]
    public void Bench_sgemm_reports_each_shape_of_the_set_as_json()
    {
        (int code, string output, string error) = CommandLineTests.Invoke(new LogisticEngine(),
            ["bench", "sgemm", "--shapes", "fig12", "--threads", "2", "--quick", "--json"]);

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(["fwd 100x500x500", "delta 100x500x500 (B^T)", "wgrad 500x100x500 (A^T)"],
            json.RootElement.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.All(json.RootElement.EnumerateArray(), r =>
        {
            Assert.Equal(2, r.GetProperty("threads").GetInt32());
            Assert.True(r.GetProperty("gflops").GetDouble() > 0);
            Assert.Equal(JsonValueKind.Null, r.GetProperty("speedup").ValueKind);
        });
    }

    [Theory]
    [InlineData("3", "--threads must be 1 or 2")]
    [InlineData("1", "--openblas: OpenBLAS not found at '/no/such/libopenblas.so'")]
    public void Bench_sgemm_names_a_bad_argument(string threads, string message)
    {
        (int code, _, string error) = CommandLineTests.Invoke(new LogisticEngine(),
            ["bench", "sgemm", "--threads", threads, "--peer", "openblas", "--openblas", "/no/such/libopenblas.so", "--quick"]);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Reproduce_theorems_writes_one_result_per_system()
    {
        using var temp = new TempFolder();

        (int code, string output, _) = CommandLineTests.Invoke(new LogisticEngine(), ["reproduce", "theorems", "--out", temp.Combine("t")]);

        Assert.Equal(0, code);
        Assert.Equal(11, output.TrimEnd().Split('\n').Length);
        Assert.True(File.Exists(temp.Combine("t", "a111.json")));
        Assert.True(File.Exists(temp.Combine("t", "plots", "mu_2.png")));
    }
}
