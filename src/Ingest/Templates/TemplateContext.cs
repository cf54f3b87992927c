using Analytics.Domain.Registry;
using Analytics.Ingest.Personal;

namespace Analytics.Ingest.Templates;

/// <summary>What templates need beyond the file: the registries, the customer keyring (opened only when a file carries personal data) and the load time.</summary>
public sealed class TemplateContext
{
    private readonly Func<CustomerKeyring>? _keyring;
    private CustomerKeyring? _opened;

    /// <param name="registries">Counties and utilities to accept.</param>
    /// <param name="loadedAt">China local time of the load; bounds birth dates in ID numbers.</param>
    /// <param name="keyring">Opens the keyring on first use; null when personal data must not be loaded.</param>
    public TemplateContext(Registries registries, DateTime loadedAt, Func<CustomerKeyring>? keyring)
    {
        Registries = registries ?? throw new ArgumentNullException(nameof(registries));
        LoadedAt = loadedAt;
        _keyring = keyring;
    }

    public Registries Registries { get; }
    public DateTime LoadedAt { get; }

    /// <summary>The keyring, opened (or created) on first use.</summary>
    /// <exception cref="InvalidOperationException">No keyring was configured.</exception>
    public CustomerKeyring Keyring =>
        _opened ??= (_keyring ?? throw new InvalidOperationException("Personal data was found but no customer key file is configured."))();
}
