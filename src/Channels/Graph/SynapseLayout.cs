namespace NeuroLc.Channels.Graph;

/// <summary>
/// The synapses of one projection in compressed sparse rows ordered by post cell: the synapses onto post cell
/// i are the indices RowStart[i] .. RowStart[i+1]−1, each with its pre cell PreIndex[k] and weight Weights[k].
/// </summary>
/// <param name="PreSize">Number of pre cells.</param>
/// <param name="PostSize">Number of post cells.</param>
/// <param name="RowStart">Length PostSize + 1.</param>
/// <param name="PreIndex">Pre cell of each synapse.</param>
/// <param name="Weights">Initial weight of each synapse.</param>
public sealed record SynapseLayout(int PreSize, int PostSize, int[] RowStart, int[] PreIndex, float[] Weights)
{
    /// <summary>Number of synapses.</summary>
    public int Count => Weights.Length;

    /// <summary>The weights as a dense [post, pre] matrix (absent synapses are 0).</summary>
    public float[,] ToDense()
    {
        var dense = new float[PostSize, PreSize];
        for (int post = 0; post < PostSize; post++)
        {
            for (int k = RowStart[post]; k < RowStart[post + 1]; k++)
            {
                dense[post, PreIndex[k]] = Weights[k];
            }
        }

        return dense;
    }
}
