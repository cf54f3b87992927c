using Analytics.Domain;
using Analytics.Risk.Tests.Support;

namespace Analytics.Risk.Tests;

/// <summary>One model trained on data where one county (xiangning) is planted three times slower.</summary>
public sealed class PlantedSignalFixture
{
    public PlantedSignalFixture()
    {
        Data = Dataset.From(new SyntheticApplications
        {
            Seed = 11,
            From = new DateOnly(2023, 1, 1),
            To = new DateOnly(2024, 6, 30),
            SlowCounty = "xiangning",
            SlowFactor = 3,
        }, 4000);
        Model = RiskModel.Train(Data.Finished, Dataset.QuickOptions);
    }

    public Dataset Data { get; }

    public RiskModel Model { get; }
}

[CollectionDefinition("planted")]
public sealed class PlantedSignalGroup : ICollectionFixture<PlantedSignalFixture>;
