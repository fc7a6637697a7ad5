namespace NeuroLc.Host.Runs;

/// <summary>How <see cref="ExperimentRunner.Run"/> ended: every run finished, or a stop was requested and the state checkpointed.</summary>
public enum RunOutcome { Completed, Interrupted }
