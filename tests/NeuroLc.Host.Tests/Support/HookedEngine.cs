using NeuroLc.Host.Configuration;
using NeuroLc.Host.Training;

namespace NeuroLc.Host.Tests.Support;

/// <summary>Wraps <see cref="LogisticEngine"/> sessions so a test can act after every step (e.g. request a stop) or script epoch results.</summary>
internal sealed class HookedEngine(Action<long>? afterStep = null, Func<int, double>? validationAccuracy = null) : ITrainingEngine
{
    private readonly LogisticEngine _inner = new();
    private readonly Action<long>? _afterStep = afterStep;
    private readonly Func<int, double>? _validationAccuracy = validationAccuracy;

    /// <summary>Steps taken by all sessions of this engine.</summary>
    public long Steps { get; private set; }

    public void Prepare(RunConfig run) => _inner.Prepare(run);

    public ITrainingSession Start(RunConfig run) => new Session(this, _inner.Start(run));

    public ITrainingSession Restore(RunConfig run, Stream checkpoint) => new Session(this, _inner.Restore(run, checkpoint));

    private sealed class Session(HookedEngine owner, ITrainingSession inner) : ITrainingSession
    {
        public long Updates => inner.Updates;

        public int UpdatesPerEpoch => inner.UpdatesPerEpoch;

        public int BatchSize => inner.BatchSize;

        public long SynapseCount => inner.SynapseCount;

        public bool Step()
        {
            bool stepped = inner.Step();
            if (stepped)
            {
                owner.Steps++;
                owner._afterStep?.Invoke(owner.Steps);
            }
            return stepped;
        }

        public EpochReport EndEpoch()
        {
            EpochReport report = inner.EndEpoch();
            return owner._validationAccuracy is null ? report : report with { ValidationAccuracy = owner._validationAccuracy(report.Epoch) };
        }

        public void WriteCheckpoint(Stream stream) => inner.WriteCheckpoint(stream);

        public string WeightsSha256() => inner.WeightsSha256();

        public float[] PredictProbabilities(ReadOnlySpan<float> inputs, int count) => inner.PredictProbabilities(inputs, count);

        public void Dispose() => inner.Dispose();
    }
}
