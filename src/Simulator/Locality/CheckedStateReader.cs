using NeuroLc.Neurons;
using NeuroLc.Synapses;

namespace NeuroLc.Simulator.Locality;

/// <summary>
/// The engine's <see cref="IStateReader"/>: it can name every cell of the network, and checks every read
/// against the synapse it is bound to. Allowed: the pre cell's output in the synapse's channel; any local
/// variable of the post cell; the target only at an output post cell; the synapse's own weight.
/// </summary>
internal sealed class CheckedStateReader(CellEngine engine) : IStateReader
{
    private readonly CellEngine _engine = engine;
    private ProjectionRuntime? _projection;
    private PostState _post;
    private float _preSignal;

    public int PreCell { get; private set; }

    public int PostCell { get; private set; }

    public int Synapse { get; private set; }

    public string Projection => _projection?.Spec.Name ?? string.Empty;

    public float Eta { get; private set; }

    public Phase Phase { get; private set; }

    internal AuditReport? Audit { get; set; }

    internal void Bind(ProjectionRuntime projection, int synapse, int preCell, int postCell, float preSignal, in PostState post, float eta, Phase phase)
    {
        _projection = projection;
        Synapse = synapse;
        PreCell = preCell;
        PostCell = postCell;
        _preSignal = preSignal;
        _post = post;
        Eta = eta;
        Phase = phase;
    }

    public int CellId(string population, int index) => _engine.CellId(population, index);

    public float Read(int cellId, CellVariable variable)
    {
        string? reason = null;
        float value = 0f;
        if (cellId == PreCell && cellId != PostCell)
        {
            if (variable == CellVariable.Output)
            {
                value = _preSignal;
            }
            else
            {
                reason = "of the pre cell only its output in the synapse's channel reaches the synapse";
            }
        }
        else if (cellId == PostCell)
        {
            value = variable switch
            {
                CellVariable.Output => _post.O,
                CellVariable.S => _post.S,
                CellVariable.FPrime => _post.FPrime,
                CellVariable.O1 => _post.O1,
                CellVariable.O2 => _post.O2,
                CellVariable.DeltaO => _post.DeltaO,
                CellVariable.Other => _post.Other,
                CellVariable.R => _post.R,
                _ => 0f,
            };
            if (variable == CellVariable.Target)
            {
                if (_post.IsOutput)
                {
                    value = _post.Target;
                }
                else
                {
                    reason = "the target is local only to output cells";
                }
            }
        }
        else
        {
            reason = "the cell is neither the synapse's pre nor its post cell";
        }

        if (reason is not null)
        {
            Fail(variable.ToString(), _engine.DescribeCell(cellId), reason);
        }

        Audit?.RecordCheckedRead();
        return value;
    }

    public float ReadWeight(string projection, int index)
    {
        if (projection == Projection && index == Synapse)
        {
            Audit?.RecordCheckedRead();
            return _projection!.Block.Weights[index];
        }

        Fail("w", $"synapse {_engine.DescribeSynapse(projection, index)}", "another synapse's weight is not local (weight transport)");
        return 0f;
    }

    private void Fail(string variable, string cell, string reason)
    {
        var e = new LocalityViolationException(_projection!.Block.DescribeSynapse(Synapse), variable, cell, reason);
        Audit?.RecordViolation(e);
        throw e;
    }
}
