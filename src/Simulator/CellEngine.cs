using NeuroLc.Channels.Graph;
using NeuroLc.Neurons;
using NeuroLc.Simulator.Locality;
using NeuroLc.Simulator.Probes;
using NeuroLc.Synapses;

namespace NeuroLc.Simulator;

/// <summary>
/// The cell engine: a discrete-time simulation of the cells and directed synapses of a
/// <see cref="NetworkGraph"/>, the scalar reference implementation of NeuroLc.
/// <para>
/// At every step each cell integrates the messages that arrived over its incoming synapses (sent
/// <c>delay</c> ≥ 1 steps earlier) and emits its new output. One training example is presented in phases
/// (section 3.6, eqs. 15–18, see <see cref="PresentationMode"/>), each phase running until the longest path of
/// its channel has settled; then every plastic synapse updates from its <see cref="LocalView"/> only.
/// Cell state is structure-of-arrays (<see cref="RatePopulation"/>), synapses are CSR blocks
/// (<see cref="SynapseBlock"/>), rules are dispatched through generic struct type parameters, random numbers
/// are counter-based (seed, cell id, example), and nothing is allocated per step or per example.
/// </para>
/// </summary>
public sealed partial class CellEngine
{
    private readonly PopulationSpec[] _specs;
    private readonly RatePopulation[] _populations;
    private readonly Dictionary<string, int> _populationIndex;
    private readonly ProjectionRuntime[] _projections;
    private readonly Dictionary<string, ProjectionRuntime> _projectionByName;
    private readonly float[][] _forwardHistory;
    private readonly float[][] _learningHistory;
    private readonly bool[][] _changed;
    private readonly float[][] _contribution;
    private readonly PostState[][] _sameChannelView;
    private readonly PostState[][] _crossChannelView;
    private readonly int _depth;
    private readonly int _input;
    private readonly int _output;
    private readonly int _forwardSettle;
    private readonly int _learningSettle;
    private readonly CheckedStateReader _reader;
    private readonly List<Probe> _cellProbes = [];
    private readonly List<Probe> _weightProbes = [];
    private bool _training;
    private int _batchFill;

    /// <summary>Instantiates <paramref name="graph"/>. Everything (rules, locality of text rules, channel
    /// cycles) is checked before the engine exists, so a failing constructor leaves nothing half-built.</summary>
    public CellEngine(NetworkGraph graph, EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Options = options ?? new EngineOptions();
        Options.Validate();
        Graph = graph;
        Audit = Options.Audit ? new AuditReport() : null;
        _specs = [.. graph.Populations];
        _populationIndex = [];
        _populations = new RatePopulation[_specs.Length];
        int firstCell = 0;
        for (int p = 0; p < _specs.Length; p++)
        {
            PopulationSpec s = _specs[p];
            if (s.LearningTransfer == TransferFunction.Softmax)
            {
                throw new GraphValidationException(s.Name, nameof(PopulationSpec.LearningTransfer),
                    "g must be element-wise (each cell transforms only its own learning-channel input); softmax is not");
            }

            _populations[p] = new RatePopulation(s.Name, s.Size, firstCell, s.Transfer, s.Channel, s.Role == PopulationRole.Output, s.DropoutProbability)
            {
                LearningTransfer = s.LearningTransfer,
                LearningDropoutProbability = s.LearningDropoutProbability,
            };
            _populationIndex[s.Name] = p;
            firstCell += s.Size;
        }

        _input = SingleRole(PopulationRole.Input);
        _output = SingleRole(PopulationRole.Output);
        _projections = graph.Projections.Select(Instantiate).ToArray();
        _projectionByName = _projections.ToDictionary(p => p.Spec.Name, StringComparer.Ordinal);
        foreach (ProjectionRuntime proj in _projections.Where(p => p.Spec.SharedWith is not null))
        {
            proj.SharedSource = _projectionByName[proj.Spec.SharedWith!];
            RequireDense(proj);
            RequireDense(proj.SharedSource);
        }

        _forwardSettle = SettleSteps(Channel.Forward);
        _learningSettle = SettleSteps(Channel.Learning);
        _depth = _projections.Length == 0 ? 1 : _projections.Max(p => p.Spec.Delay) + 1;
        _forwardHistory = _populations.Select(p => new float[_depth * p.Size]).ToArray();
        _learningHistory = _populations.Select(p => new float[_depth * p.Size]).ToArray();
        _changed = _populations.Select(_ => new bool[_depth]).ToArray();
        _contribution = _projections.Select(p => new float[p.Block.PostSize]).ToArray();
        _sameChannelView = _populations.Select(p => new PostState[p.Size]).ToArray();
        _crossChannelView = _populations.Select(p => new PostState[p.Size]).ToArray();
        _reader = new CheckedStateReader(this) { Audit = Audit };
    }

    /// <summary>The description this engine runs.</summary>
    public NetworkGraph Graph { get; }

    /// <summary>Run options.</summary>
    public EngineOptions Options { get; }

    /// <summary>The locality audit (audit mode only, else null).</summary>
    public AuditReport? Audit { get; }

    /// <summary>Steps simulated so far (64-bit).</summary>
    public long StepCount { get; private set; }

    /// <summary>Training examples presented so far.</summary>
    public long ExamplesSeen { get; private set; }

    /// <summary>Steps in the forward phase (longest forward path, in delay steps).</summary>
    public int ForwardSettleSteps => _forwardSettle;

    /// <summary>Steps in each learning-channel phase.</summary>
    public int LearningSettleSteps => _learningSettle;

    /// <summary>Total number of synapses.</summary>
    public long SynapseCount => _projections.Sum(p => (long)p.Block.Count);

    /// <summary>The transfer function of the output cells.</summary>
    public TransferFunction OutputTransfer => _specs[_output].Transfer;

    /// <summary>The output cells' current outputs.</summary>
    public ReadOnlySpan<float> Output => _populations[_output].O;

    /// <summary>The live state of a population (read it; the engine owns it).</summary>
    public RatePopulation Population(string name) => _populations[PopulationIndex(name)];

    /// <summary>The live synapse block of a projection.</summary>
    public SynapseBlock Block(string projection) => Projection(projection).Block;

    /// <summary>Global cell id of cell <paramref name="index"/> of <paramref name="population"/>.</summary>
    public int CellId(string population, int index)
    {
        RatePopulation pop = Population(population);
        if ((uint)index >= (uint)pop.Size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"population '{population}' has {pop.Size} cells");
        }

        return pop.FirstCellId + index;
    }

    /// <summary>Names a cell by global id, e.g. "cell 7 (h[2])".</summary>
    public string DescribeCell(int cellId)
    {
        foreach (RatePopulation pop in _populations)
        {
            if (cellId >= pop.FirstCellId && cellId < pop.FirstCellId + pop.Size)
            {
                return pop.DescribeCell(cellId - pop.FirstCellId);
            }
        }

        return $"cell {cellId} (no such cell)";
    }

    /// <summary>Names synapse <paramref name="index"/> of a projection.</summary>
    public string DescribeSynapse(string projection, int index)
        => _projectionByName.TryGetValue(projection, out ProjectionRuntime? p) && (uint)index < (uint)p.Block.Count
            ? p.Block.DescribeSynapse(index)
            : $"{projection}[{index}] (no such synapse)";

    /// <summary>Replaces a projection's typed rule by a checked rule (exploratory code; every read is checked).</summary>
    public void UseCheckedRule(string projection, ICheckedRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ProjectionRuntime p = Projection(projection);
        p.CheckedRule = rule;
        p.Updater = null;
    }

    /// <summary>Adds a probe; its target must exist (names the probe and field otherwise).</summary>
    public void AddProbe(Probe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.IsWeight)
        {
            if (!_projectionByName.TryGetValue(probe.Target, out ProjectionRuntime? p) || (uint)probe.Index >= (uint)p.Block.Count)
            {
                throw new ArgumentException($"probe '{probe.Name}': Target/Index names no synapse", nameof(probe));
            }

            _weightProbes.Add(probe);
            return;
        }

        if (!_populationIndex.TryGetValue(probe.Target, out int pop) || (uint)probe.Index >= (uint)_populations[pop].Size)
        {
            throw new ArgumentException($"probe '{probe.Name}': Target/Index names no cell", nameof(probe));
        }

        _cellProbes.Add(probe);
    }

    private int PopulationIndex(string name)
        => _populationIndex.TryGetValue(name, out int index)
            ? index
            : throw new ArgumentException($"network has no population '{name}'", nameof(name));

    private ProjectionRuntime Projection(string name)
        => _projectionByName.TryGetValue(name, out ProjectionRuntime? p)
            ? p
            : throw new ArgumentException($"network has no projection '{name}'", nameof(name));

    private int SingleRole(PopulationRole role)
    {
        int[] found = Enumerable.Range(0, _specs.Length).Where(i => _specs[i].Role == role).ToArray();
        return found.Length == 1
            ? found[0]
            : throw new GraphValidationException("network", "Populations", $"the cell engine needs exactly one {role} population, found {found.Length}");
    }
}
