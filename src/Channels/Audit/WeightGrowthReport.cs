namespace NeuroLc.Channels.Audit;

/// <summary>
/// The instability diagnostic of adaptive learning channels (section 4.1.3, Figure 11): "the weights in the
/// learning channel grow faster than the weights in the forward channel, causing the activities in the forward
/// channel to saturate". Growth is last RMS / first RMS of each channel. The run is flagged when the learning
/// channel grows more than <see cref="Ratio"/> times faster than the forward channel, or more than
/// <see cref="RunawayLimit"/>-fold in absolute terms (tanh cells saturate long before).
/// </summary>
/// <param name="ForwardGrowth">Growth factor of the forward weights.</param>
/// <param name="LearningGrowth">Growth factor of the learning-channel weights.</param>
/// <param name="Ratio">Flag when LearningGrowth / ForwardGrowth exceeds this.</param>
/// <param name="RunawayLimit">Flag when LearningGrowth exceeds this.</param>
/// <param name="Samples">The samples the report was computed from.</param>
public sealed record WeightGrowthReport(double ForwardGrowth, double LearningGrowth, double Ratio, double RunawayLimit, IReadOnlyList<WeightGrowthSample> Samples)
{
    /// <summary>The learning channel grew more than <see cref="Ratio"/> times faster than the forward one.</summary>
    public bool LearningOutgrowsForward => LearningGrowth > Ratio * ForwardGrowth;

    /// <summary>The learning-channel weights grew more than <see cref="RunawayLimit"/>-fold.</summary>
    public bool LearningRunaway => LearningGrowth > RunawayLimit;

    /// <summary>Either flag.</summary>
    public bool Unstable => LearningOutgrowsForward || LearningRunaway;

    /// <summary>One readable line, e.g. "learning-channel weights grew 142× while forward weights grew 146× over
    /// 60000 examples: unstable (runaway growth > 10×)".</summary>
    public string Summary
    {
        get
        {
            string head = $"learning-channel weights grew {LearningGrowth:G3}× while forward weights grew {ForwardGrowth:G3}× over {Samples[^1].Examples - Samples[0].Examples} examples: ";
            var reasons = new List<string>();
            if (LearningOutgrowsForward)
            {
                reasons.Add($"the learning channel outgrows the forward channel (ratio {LearningGrowth / ForwardGrowth:G3} > {Ratio:G3})");
            }

            if (LearningRunaway)
            {
                reasons.Add($"runaway growth (> {RunawayLimit:G3}×)");
            }

            return head + (reasons.Count > 0 ? $"unstable, {string.Join("; ", reasons)}" : $"stable (ratio {LearningGrowth / ForwardGrowth:G3} ≤ {Ratio:G3}, growth ≤ {RunawayLimit:G3}×)");
        }
    }
}
