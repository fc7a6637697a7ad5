namespace NeuroLc.Host.Configuration;

/// <summary>Learning algorithm of a run: BP (eqs. 5–7), RBP (eqs. 8–10) or SRBP (eq. 11).</summary>
public enum AlgorithmName { BP, RBP, SRBP }

/// <summary>Learning-channel architecture: shared with the forward cells (Conjoined) or a separate set of cells (Distinct).</summary>
public enum ArchitectureName { Conjoined, Distinct }

/// <summary>Transfer function of forward or learning-channel cells.</summary>
public enum ActivationName { Identity, Tanh, Logistic, Relu }

/// <summary>Output layer: softmax (multi-class) or logistic (binary).</summary>
public enum OutputName { Softmax, Logistic }

/// <summary>How learning-channel weights change: fixed random, Hebbian (eq. 12) or STDP (eqs. 13–19).</summary>
public enum ChannelRuleName { Fixed, Hebbian, Stdp }

/// <summary>STDP learning channel: the upper cell's activity at the clamped phase (eq. 19: T) or the free phase (eq. 32: O).</summary>
public enum StdpChannelPhaseName { Clamped, Free }

/// <summary>STDP forward rule: the presynaptic cell's activity at the forward phase t=0 (default) or the free phase t=1 (eq. 32).</summary>
public enum StdpForwardPhaseName { Forward, Free }

/// <summary>Weight initialisation (Glorot et al.).</summary>
public enum InitName { GlorotNormal, GlorotUniform }

/// <summary>Where a run's examples come from.</summary>
public enum DataKind { Fk, Mnist, Higgs }
