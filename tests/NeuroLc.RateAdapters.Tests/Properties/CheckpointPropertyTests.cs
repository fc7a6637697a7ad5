using System.Security.Cryptography;
using CsCheck;
using NeuroLc.RateAdapters.Tests.Training;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Tests.Properties;

/// <summary>
/// DESIGN.md section 9: <see cref="RateTrainer.ReadCheckpoint"/>, fed a real checkpoint with mutated or truncated
/// bytes, either restores a trainer or throws <see cref="CheckpointFormatException"/>. Most cases re-sign the damaged
/// body with a fresh SHA-256 so that the parser behind the checksum is exercised, not only the checksum.
/// </summary>
public sealed class CheckpointPropertyTests
{
    private const int Cases = 1000;
    private const int HashSize = 32;

    private static readonly ModelSpec s_model = new() { LayerSizes = [5, 9, 7, 6, 3], Algorithm = Algorithm.RBP, DropoutForward = 0.2 };
    private static readonly TrainingSpec s_training = new() { BatchSize = 8, Momentum = 0.5f, Seed = 3, Threads = 1 };
    private static readonly int[] s_interestingInts = [0, 1, -1, 2, 3, 5, 9, int.MaxValue, int.MinValue, 1 << 20, 0x7F];

    /// <summary>Damage to the body (re-signed or not) plus an optional little-endian int written anywhere in it.</summary>
    private sealed record Case(ByteMutation[] Mutations, uint? WordAt, int WordValue, bool Resign)
    {
        public override string ToString() =>
            $"{string.Join("; ", Mutations.Select(m => m.ToString()))}; int {WordValue} at {WordAt}; re-signed {Resign}";
    }

    private static readonly Gen<Case> s_case = Gen.Select(
        ByteMutation.Several,
        Gen.Select(Gen.Bool, Gen.UInt, (write, at) => write ? at : (uint?)null),
        Gen.Frequency((3, Gen.OneOf(s_interestingInts)), (1, Gen.Int)),
        Gen.Int[0, 3],
        (mutations, at, value, resign) => new Case(mutations, at, value, resign != 0));

    [Fact]
    public void Mutated_checkpoints_restore_or_throw_a_CheckpointFormatException()
    {
        Dataset data = ReferenceEquivalenceTests.Data(40, 5, 3, OutputKind.Softmax);
        byte[] valid = Checkpoint(data);
        byte[] body = valid[..^HashSize];
        int restored = 0;
        s_case.Array[Cases].Sample(cases =>
        {
            foreach (Case c in cases)
            {
                byte[] damaged = c.Resign ? Sign(Damage(body, c)) : Damage(valid, c);
                try
                {
                    using RateTrainer trainer = RateTrainer.ReadCheckpoint(new MemoryStream(damaged), data, null);
                    restored++;
                }
                catch (CheckpointFormatException ex)
                {
                    Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                }
                catch (Exception ex)
                {
                    Assert.Fail($"{c}: {ex}");
                }
            }
        }, seed: PropertySettings.Seed, iter: 1, threads: 1);

        // Flips inside the weights leave a readable checkpoint, so some cases must restore: the property is not vacuous.
        Assert.InRange(restored, 1, Cases - 1);
    }

    [Fact]
    public void Case_the_property_found_a_bad_string_length_prefix_is_a_CheckpointFormatException()
    {
        // Bytes 12.. hold the 7-bit length of the model JSON (after the 8-byte magic and the version); five 0xFF bytes
        // are no valid length, and BinaryReader's FormatException escaped before the fix.
        Dataset data = ReferenceEquivalenceTests.Data(40, 5, 3, OutputKind.Softmax);
        byte[] body = Checkpoint(data)[..^HashSize];
        body.AsSpan(12, 5).Fill(0xFF);
        var ex = Assert.Throws<CheckpointFormatException>(() => RateTrainer.ReadCheckpoint(new MemoryStream(Sign(body)), data, null));
        Assert.IsType<FormatException>(ex.InnerException);
        Assert.StartsWith("The checkpoint cannot be read:", ex.Message);
    }

    private static byte[] Checkpoint(Dataset data)
    {
        using var trainer = new RateTrainer(s_model, s_training, data, null);
        trainer.Step();
        var stream = new MemoryStream();
        trainer.WriteCheckpoint(stream);
        return stream.ToArray();
    }

    private static byte[] Damage(byte[] bytes, Case c)
    {
        byte[] damaged = ByteMutation.ApplyAll(bytes, c.Mutations);
        if (c.WordAt is { } at && damaged.Length >= 4)
        {
            BitConverter.TryWriteBytes(damaged.AsSpan((int)(at % (damaged.Length - 3))), c.WordValue);
        }

        return damaged;
    }

    private static byte[] Sign(byte[] body) => [.. body, .. SHA256.HashData(body)];
}
