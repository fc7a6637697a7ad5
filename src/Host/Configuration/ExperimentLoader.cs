using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace NeuroLc.Host.Configuration;

/// <summary>
/// Reads an experiment file: schema check with positions, <c>--set</c> edits, merge of each run onto the defaults,
/// command-line overrides, then range checks. Every failure is a <see cref="ConfigException"/>.
/// </summary>
public static partial class ExperimentLoader
{
    private static readonly string[] s_sections = ["data", "training", "model"];

    /// <summary>Options shared by every JSON read and write of configurations.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Loads and resolves the experiment file at <paramref name="path"/>.</summary>
    public static ExperimentConfig LoadFile(string path, LoadOptions options)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, null, null, "$", $"cannot read the file: {ex.Message}");
        }
        return Parse(bytes, path, options);
    }

    /// <summary>Resolves an experiment from its UTF-8 text; <paramref name="source"/> names it in errors.</summary>
    public static ExperimentConfig Parse(byte[] utf8, string source, LoadOptions options)
    {
        IReadOnlyDictionary<string, (int Line, int Column)> positions = ConfigValidator.Validate(utf8, source, ConfigSchema.Experiment);
        var root = (JsonObject)JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        })!;
        if (options.Sets.Count > 0)
        {
            foreach (string assignment in options.Sets)
            {
                JsonOverrides.ApplySet(root, assignment);
            }
            try
            {
                ConfigValidator.Validate(Encoding.UTF8.GetBytes(root.ToJsonString()), "--set", ConfigSchema.Experiment);
            }
            catch (ConfigException ex)
            {
                // Positions in the re-serialised tree mean nothing to the user; the path names the key they set.
                throw new ConfigException("--set", null, null, ex.JsonPath, ex.Reason);
            }
        }
        var resolver = new Resolver(source, positions);
        return resolver.Resolve(root, options);
    }

    /// <summary>The resolved experiment as a JSON experiment file (it loads back to the same experiment).</summary>
    public static string ToJson(ExperimentConfig experiment)
    {
        var document = new ExperimentDocument
        {
            Name = experiment.Name,
            Title = experiment.Title,
            Description = experiment.Description,
            Runs = experiment.Runs.Select(r => new RunOverride { Name = r.Name, Data = r.Data, Training = r.Training, Model = r.Model }).ToArray(),
        };
        return JsonSerializer.Serialize(document, JsonOptions) + "\n";
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex NamePattern();

    private sealed class Resolver(string source, IReadOnlyDictionary<string, (int Line, int Column)> positions)
    {
        public ExperimentConfig Resolve(JsonObject root, LoadOptions options)
        {
            string name = root["name"]!.GetValue<string>();
            if (!NamePattern().IsMatch(name))
            {
                throw Problem("$.name", "expected letters, digits, '.', '-' or '_' only");
            }
            var runNodes = root["runs"] as JsonArray;
            if (runNodes is null || runNodes.Count == 0)
            {
                throw Problem("$.runs", "expected at least one run");
            }
            var runs = new List<RunConfig>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            string[]? quickRuns = options.Quick ? root["quickRuns"]?.AsArray().Select(n => n!.GetValue<string>()).ToArray() : null;
            for (int i = 0; i < runNodes.Count; i++)
            {
                RunConfig run = ResolveRun(root, (JsonObject)runNodes[i]!, i, options);
                if (quickRuns is not null && !quickRuns.Contains(run.Name))
                {
                    continue;
                }
                if (!names.Add(run.Name))
                {
                    throw Problem($"$.runs[{i}].name", $"duplicate run name '{run.Name}'");
                }
                runs.Add(run);
            }
            if (quickRuns?.FirstOrDefault(q => !names.Contains(q)) is { } unknown)
            {
                throw Problem("$.quickRuns", $"names no run '{unknown}'");
            }
            if (options.Runs is { } selected)
            {
                runs = SelectRuns(runs, selected, options.Quick);
            }
            return new ExperimentConfig
            {
                Name = name,
                Title = root["title"]?.GetValue<string>(),
                Description = root["description"]?.GetValue<string>(),
                Runs = runs,
            };
        }

        /// <summary>The runs that <c>--runs</c> names, in the file's order; an unknown name lists the names there are.</summary>
        private static List<RunConfig> SelectRuns(List<RunConfig> runs, IReadOnlyList<string> selected, bool quick)
        {
            if (selected.Count == 0)
            {
                throw new ConfigException("--runs", null, null, "$.runs", "expected at least one run name");
            }
            var known = runs.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            if (selected.FirstOrDefault(s => !known.Contains(s)) is { } unknown)
            {
                string budget = quick ? "the quick budget" : "the file";
                throw new ConfigException("--runs", null, null, "$.runs",
                    $"{budget} has no run '{unknown}'; its runs are {string.Join(", ", runs.Select(r => r.Name))}");
            }
            return runs.Where(r => selected.Contains(r.Name)).ToList();
        }

        private RunConfig ResolveRun(JsonObject root, JsonObject runNode, int index, LoadOptions options)
        {
            string path = $"$.runs[{index}]";
            string? runName = runNode["name"]?.GetValue<string>();
            if (runName is null)
            {
                throw Problem(path, "missing required key 'name'");
            }
            if (!NamePattern().IsMatch(runName))
            {
                throw Problem(path + ".name", "expected letters, digits, '.', '-' or '_' only");
            }
            var merged = new Dictionary<string, JsonObject>();
            foreach (string section in s_sections)
            {
                JsonObject value = JsonOverrides.Merge(root[section] as JsonObject, runNode[section] as JsonObject);
                if (options.Quick)
                {
                    value = JsonOverrides.Merge(value, root["quick"]?[section] as JsonObject);
                }
                merged[section] = value;
            }
            ApplyCommandLine(merged, options);
            var data = merged["data"].Deserialize<DataConfig>(JsonOptions)!;
            var training = merged["training"].Deserialize<TrainingConfig>(JsonOptions)!;
            var model = merged["model"].Deserialize<ModelConfig>(JsonOptions)!;
            IEnumerable<(string Path, string Reason)> problems = data.Problems(path + ".data")
                .Concat(training.Problems(path + ".training"))
                .Concat(model.Problems(path + ".model"));
            foreach ((string problemPath, string reason) in problems)
            {
                throw Problem(problemPath, reason);
            }
            return new RunConfig { Name = runName, Data = data, Training = training, Model = model };
        }

        private static void ApplyCommandLine(Dictionary<string, JsonObject> merged, LoadOptions options)
        {
            if (options.Epochs is { } epochs)
            {
                merged["training"]["epochs"] = epochs;
            }
            if (options.Seed is { } seed)
            {
                merged["training"]["seed"] = seed;
            }
            if (options.Threads is { } threads)
            {
                merged["training"]["threads"] = threads;
            }
            if (options.DataFolder is { } folder && merged["data"]["folder"] is null)
            {
                merged["data"]["folder"] = Path.GetFullPath(folder);
            }
            if (options.HiggsFile is { } higgs && merged["data"]["file"] is null)
            {
                merged["data"]["file"] = Path.GetFullPath(higgs);
            }
            if (options.Limit is { } limit)
            {
                merged["data"]["limit"] = limit;
                merged["data"]["validationLimit"] = Math.Max(1, limit / 6);
            }
        }

        /// <summary>An error at <paramref name="path"/>, located in the file where the run or the defaults set it.</summary>
        private ConfigException Problem(string path, string reason)
        {
            string defaultsPath = Regex.Replace(path, @"^\$\.runs\[\d+\]\.", "$.");
            string quickPath = Regex.Replace(path, @"^\$\.runs\[\d+\]\.", "$.quick.");
            foreach (string candidate in new[] { path, quickPath, defaultsPath })
            {
                if (positions.TryGetValue(candidate, out (int Line, int Column) at))
                {
                    return new ConfigException(source, at.Line, at.Column, path, reason);
                }
            }
            return new ConfigException(source, null, null, path, reason);
        }
    }
}
