using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Xunit;

namespace Analytics.Metrics.Tests;

public class FigureDerivationTests
{
    // The fingerprint every store keeps (derivation_policy): SHA-256 of the policy as the serializer's reflection writes it
    // with its defaults. The generated serializer must write the same text, or every store would derive its figures again.
    private static string ReflectionFingerprint(Policy policy) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(policy))).AsSpan(0, 16));

    [Fact]
    public void Policy_fingerprint_is_that_of_the_reflection_serializer()
    {
        var policy = Policy.Default;
        Assert.NotEmpty(policy.Tasks);
        Assert.Equal(ReflectionFingerprint(policy), FigureDerivation.PolicyFingerprint(policy));
        var changed = policy with
        {
            Parameters = policy.Parameters with { SaidiYoyReduction = 0.1m, ShortInterruptionMinutes = 5 },
            Targets = [.. policy.Targets.Skip(1)],
        };
        Assert.Equal(ReflectionFingerprint(changed), FigureDerivation.PolicyFingerprint(changed));
        Assert.NotEqual(FigureDerivation.PolicyFingerprint(policy), FigureDerivation.PolicyFingerprint(changed));
        Assert.Equal(FigureDerivation.PolicyFingerprint(policy), new FigureDerivation(policy, WorkingDayCalendar.Default).Version.Policy);
    }
}
