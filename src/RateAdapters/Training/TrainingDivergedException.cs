namespace NeuroLc.RateAdapters.Training;

/// <summary>Training stopped: the loss became NaN or a weight left the bound; names the epoch, layer and channel.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception with a message naming where the weights blew up.</summary>
    public TrainingDivergedException(int epoch, int layer, string channel, string detail)
        : base($"Training diverged in epoch {epoch}: layer {layer}, {channel} channel — {detail}.")
    {
        Epoch = epoch;
        Layer = layer;
        Channel = channel;
    }

    /// <summary>1-based epoch in progress.</summary>
    public int Epoch { get; }

    /// <summary>Weight layer h (1-based) whose weights blew up.</summary>
    public int Layer { get; }

    /// <summary>"forward", "learning", "lateral-C'" or "lateral-A'".</summary>
    public string Channel { get; }
}
