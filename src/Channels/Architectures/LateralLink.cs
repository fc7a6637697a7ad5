namespace NeuroLc.Channels.Architectures;

/// <summary>One lateral C′ connection: learning-channel layer <see cref="From"/> onto forward hidden layer
/// <see cref="To"/> (both 1-based, layer 1 being nearest the input). With A′ enabled, the same pair is also
/// wired the other way, forward layer <see cref="To"/> onto learning-channel layer <see cref="From"/>.</summary>
/// <param name="From">Learning-channel layer, 1..number of learning-channel layers.</param>
/// <param name="To">Forward hidden layer, 1..number of hidden layers.</param>
public sealed record LateralLink(int From, int To);
