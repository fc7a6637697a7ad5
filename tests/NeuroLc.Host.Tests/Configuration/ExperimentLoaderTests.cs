using NeuroLc.Host.Configuration;
using NeuroLc.Host.Tests.Support;

namespace NeuroLc.Host.Tests.Configuration;

public sealed class ExperimentLoaderTests
{
    [Fact]
    public void Runs_inherit_defaults_and_override_them()
    {
        ExperimentConfig experiment = Experiments.Parse(Experiments.Tiny);

        Assert.Equal(["a-k0", "b-k0"], experiment.Runs.Select(r => r.Name));
        Assert.Equal(0.5, experiment.Runs[0].Training.LearningRate);
        Assert.Equal(0.2, experiment.Runs[1].Training.LearningRate);
        Assert.Equal(4, experiment.Runs[1].Training.Epochs);
        Assert.Equal(OutputName.Logistic, experiment.Runs[1].Model.Output);
        // Keys nobody set keep the record defaults.
        Assert.Equal(ActivationName.Tanh, experiment.Runs[0].Model.Hidden);
    }

    [Fact]
    public void Unknown_key_is_reported_with_line_column_and_path()
    {
        string json = Experiments.Tiny.Replace("\"batchSize\": 20", "\"batchsize\": 20");

        ConfigException error = Assert.Throws<ConfigException>(() => Experiments.Parse(json));

        Assert.Equal("$.training.batchsize", error.JsonPath);
        Assert.Equal(5, error.Line);
        Assert.Equal(30, error.Column);
        Assert.StartsWith("test.json:5:30 $.training.batchsize: unknown key 'batchsize'", error.Message);
    }

    [Fact]
    public void Wrong_type_names_what_was_expected()
    {
        string json = Experiments.Tiny.Replace("\"epochs\": 4", "\"epochs\": 4.5");

        ConfigException error = Assert.Throws<ConfigException>(() => Experiments.Parse(json));

        Assert.Equal("$.training.epochs", error.JsonPath);
        Assert.Equal("expected an integer, got 4.5", error.Reason);
    }

    [Fact]
    public void Enum_value_outside_the_schema_lists_the_choices()
    {
        string json = Experiments.Tiny.Replace("\"output\": \"Logistic\"", "\"output\": \"Sigmoid\"");

        ConfigException error = Assert.Throws<ConfigException>(() => Experiments.Parse(json));

        Assert.Equal("$.model.output", error.JsonPath);
        Assert.Equal("expected one of Softmax, Logistic, got \"Sigmoid\"", error.Reason);
    }

    [Fact]
    public void Malformed_json_is_located()
    {
        string json = Experiments.Tiny.Replace("\"title\": \"tiny test\",", "\"title\": \"tiny test\"");

        ConfigException error = Assert.Throws<ConfigException>(() => Experiments.Parse(json));

        Assert.Equal(4, error.Line);
        Assert.StartsWith("invalid JSON", error.Reason);
    }

    [Fact]
    public void Range_errors_point_at_the_key_in_the_file()
    {
        string json = Experiments.Tiny.Replace("\"learningRate\": 0.2", "\"learningRate\": -1");

        ConfigException error = Assert.Throws<ConfigException>(() => Experiments.Parse(json));

        Assert.Equal("$.runs[1].training.learningRate", error.JsonPath);
        Assert.Equal(7, error.Line);
        Assert.Equal(81, error.Column);
        Assert.Contains("learning rate > 0", error.Reason);
    }

    [Fact]
    public void Stdp_channel_phase_is_read_and_rejected_without_the_stdp_rule()
    {
        string stdp = Experiments.Tiny.Replace("\"output\": \"Logistic\" }", "\"output\": \"Logistic\", \"algorithm\": \"SRBP\", \"learningChannelRule\": \"Stdp\", \"stdpChannelPhase\": \"Free\" }");
        Assert.Equal(StdpChannelPhaseName.Free, Experiments.Parse(stdp).Runs[0].Model.StdpChannelPhase);

        string hebbian = stdp.Replace("\"Stdp\"", "\"Hebbian\"");
        ConfigException error = Assert.Throws<ConfigException>(() => Experiments.Parse(hebbian));

        Assert.Equal("$.runs[0].model.stdpChannelPhase", error.JsonPath);
        Assert.Contains("learningChannelRule Stdp", error.Reason);
    }

    [Fact]
    public void Stdp_forward_phase_is_rejected_with_forward_dropout()
    {
        string stdp = Experiments.Tiny.Replace("\"output\": \"Logistic\" }", "\"output\": \"Logistic\", \"algorithm\": \"SRBP\", \"learningChannelRule\": \"Stdp\", \"stdpForwardPhase\": \"Free\" }");
        Assert.Equal(StdpForwardPhaseName.Free, Experiments.Parse(stdp).Runs[0].Model.StdpForwardPhase);

        ConfigException error = Assert.Throws<ConfigException>(() => Experiments.Parse(stdp.Replace("\"stdpForwardPhase\"", "\"dropoutForward\": 0.2, \"stdpForwardPhase\"")));

        Assert.Equal("$.runs[0].model.stdpForwardPhase", error.JsonPath);
        Assert.Contains("without forward dropout", error.Reason);
    }

    [Fact]
    public void Missing_name_and_empty_runs_are_errors()
    {
        Assert.Equal("missing required key 'name'",
            Assert.Throws<ConfigException>(() => Experiments.Parse("""{ "runs": [ { "name": "a" } ] }""")).Reason);
        Assert.Equal("expected at least one run",
            Assert.Throws<ConfigException>(() => Experiments.Parse("""{ "name": "x", "runs": [] }""")).Reason);
        Assert.Equal("duplicate run name 'a'",
            Assert.Throws<ConfigException>(() => Experiments.Parse("""{ "name": "x", "runs": [ { "name": "a" }, { "name": "a" } ] }""")).Reason);
    }

    [Fact]
    public void Set_epochs_limit_and_seed_override_every_run()
    {
        var options = new LoadOptions { Sets = ["training.momentum=0.5", "runs.1.model.algorithm=SRBP"], Epochs = 2, Limit = 120, Seed = 99 };

        ExperimentConfig experiment = Experiments.Parse(Experiments.Tiny, options);

        Assert.All(experiment.Runs, r => Assert.Equal(0.5, r.Training.Momentum));
        Assert.All(experiment.Runs, r => Assert.Equal(2, r.Training.Epochs));
        Assert.All(experiment.Runs, r => Assert.Equal(120, r.Data.Limit));
        Assert.All(experiment.Runs, r => Assert.Equal(99UL, r.Training.Seed));
        Assert.Equal(AlgorithmName.BP, experiment.Runs[0].Model.Algorithm);
        Assert.Equal(AlgorithmName.SRBP, experiment.Runs[1].Model.Algorithm);
    }

    [Fact]
    public void Set_with_a_wrong_type_names_the_key()
    {
        ConfigException error = Assert.Throws<ConfigException>(
            () => Experiments.Parse(Experiments.Tiny, new LoadOptions { Sets = ["training.epochs=many"] }));

        Assert.Equal("--set $.training.epochs: expected an integer, got \"many\"", error.Message);
    }

    [Fact]
    public void Quick_budget_applies_its_overrides_and_selects_its_runs()
    {
        string json = Experiments.Tiny.Replace("\"runs\":", "\"quick\": { \"training\": { \"epochs\": 1 } }, \"quickRuns\": [\"b-k0\"], \"runs\":");

        ExperimentConfig quick = Experiments.Parse(json, new LoadOptions { Quick = true });
        ExperimentConfig paper = Experiments.Parse(json);

        Assert.Equal(["b-k0"], quick.Runs.Select(r => r.Name));
        Assert.Equal(1, quick.Runs[0].Training.Epochs);
        Assert.Equal(2, paper.Runs.Count);
        Assert.Equal(4, paper.Runs[0].Training.Epochs);
    }

    [Fact]
    public void Runs_option_keeps_the_named_runs_in_the_files_order()
    {
        ExperimentConfig both = Experiments.Parse(Experiments.Tiny, new LoadOptions { Runs = ["b-k0", "a-k0"] });
        ExperimentConfig one = Experiments.Parse(Experiments.Tiny, new LoadOptions { Runs = ["b-k0"], Epochs = 2 });

        Assert.Equal(["a-k0", "b-k0"], both.Runs.Select(r => r.Name));
        Assert.Equal(["b-k0"], one.Runs.Select(r => r.Name));
        // The selected run is resolved exactly as without --runs (its own learning rate, the --epochs override).
        Assert.Equal(0.2, one.Runs[0].Training.LearningRate);
        Assert.Equal(2, one.Runs[0].Training.Epochs);
    }

    [Fact]
    public void Runs_option_with_an_unknown_name_lists_the_runs_there_are()
    {
        string json = Experiments.Tiny.Replace("\"runs\":", "\"quickRuns\": [\"b-k0\"], \"runs\":");

        ConfigException unknown = Assert.Throws<ConfigException>(() => Experiments.Parse(Experiments.Tiny, new LoadOptions { Runs = ["c-k0"] }));
        ConfigException notQuick = Assert.Throws<ConfigException>(() => Experiments.Parse(json, new LoadOptions { Runs = ["a-k0"], Quick = true }));
        ConfigException empty = Assert.Throws<ConfigException>(() => Experiments.Parse(Experiments.Tiny, new LoadOptions { Runs = [] }));

        Assert.StartsWith("--runs $.runs: the file has no run 'c-k0'; its runs are a-k0, b-k0", unknown.Message);
        Assert.Contains("the quick budget has no run 'a-k0'; its runs are b-k0", notQuick.Message);
        Assert.Contains("expected at least one run name", empty.Message);
    }

    [Fact]
    public void Resolved_config_loads_back_to_the_same_experiment()
    {
        ExperimentConfig experiment = Experiments.Parse(Experiments.Tiny, new LoadOptions { Seed = 3 });

        string json = ExperimentLoader.ToJson(experiment);
        ExperimentConfig again = Experiments.Parse(json);

        Assert.Equal(json, ExperimentLoader.ToJson(again));
        Assert.Equal(experiment.Runs[1].Training, again.Runs[1].Training);
    }
}
