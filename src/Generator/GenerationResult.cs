namespace Analytics.Generator;

/// <summary>What <see cref="DataGenerator.Generate"/> wrote, in the order to load it, and the ground truth.</summary>
/// <param name="Files">applications, applications-revised, outages, customers, notes.</param>
/// <param name="Truth">Injected problems and volumes.</param>
/// <param name="Elapsed">Wall time of the generation.</param>
public sealed record GenerationResult(IReadOnlyList<GeneratedFile> Files, GroundTruth Truth, TimeSpan Elapsed);
