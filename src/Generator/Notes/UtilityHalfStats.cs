namespace Analytics.Generator.Notes;

/// <summary>What one utility did in one half year, as the semiannual narrative quotes it.</summary>
internal sealed class UtilityHalfStats
{
    public int Accepted;
    public int Residential;
    public int LowVoltageNonResidential;
    public int HighVoltage;
    public int Connected;
    public int Online;
    public int LowVoltage;
    public int LowVoltageEContract;
    public double ResidentialDays;
    public int ResidentialConnected;
    public double ThreeZeroDays;
    public int ThreeZeroConnected;
    public double HighVoltageUtilityDays;
    public int HighVoltageConnected;
    public int PlannedOutages;
    public int FaultOutages;
    public int PlannedNotifiedOnTime;
}
