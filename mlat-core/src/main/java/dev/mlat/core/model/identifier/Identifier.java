package dev.mlat.core.model.identifier;

/**
 * A typed identifier of a person, entity, device, account or resource, in the spirit of the ETSI
 * TS 103 280 dictionary of lawful-interception formats. The family is closed; the JSON form
 * carries {@code "type"} with one of the names below, and {@link #value()} is always the
 * identifying value itself.
 *
 * <table>
 * <caption>Types and their JSON names</caption>
 * <tr><th>type</th><th>JSON name</th><th>ETSI TS 103 280 format</th></tr>
 * <tr><td>{@link EmailAddress}</td><td>{@code email}</td><td>EmailAddress</td></tr>
 * <tr><td>{@link Ipv4Address}</td><td>{@code ipv4}</td><td>IPv4Address</td></tr>
 * <tr><td>{@link Ipv6Address}</td><td>{@code ipv6}</td><td>IPv6Address</td></tr>
 * <tr><td>{@link PhoneNumber}</td><td>{@code e164}</td><td>InternationalE164</td></tr>
 * <tr><td>{@link Imsi}</td><td>{@code imsi}</td><td>IMSI</td></tr>
 * <tr><td>{@link Imei}</td><td>{@code imei}</td><td>IMEI</td></tr>
 * <tr><td>{@link DomainName}</td><td>{@code domain}</td><td>DomainName</td></tr>
 * <tr><td>{@link Url}</td><td>{@code url}</td><td>URL</td></tr>
 * <tr><td>{@link ProviderAccount}</td><td>{@code account}</td><td>(provider-specific)</td></tr>
 * <tr><td>{@link Iban}</td><td>{@code iban}</td><td>(ISO 13616)</td></tr>
 * <tr><td>{@link CryptoAssetAddress}</td><td>{@code cryptoAddress}</td><td>(network-specific)</td></tr>
 * <tr><td>{@link GenericIdentifier}</td><td>{@code generic}</td><td>any format owner and name</td></tr>
 * </table>
 *
 * <p>To add a type, see {@code docs/MODEL.md}.
 */
public sealed interface Identifier
    permits EmailAddress,
        Ipv4Address,
        Ipv6Address,
        PhoneNumber,
        Imsi,
        Imei,
        DomainName,
        Url,
        ProviderAccount,
        Iban,
        CryptoAssetAddress,
        GenericIdentifier {

  /** The identifying value, for example the address, the number or the account name. */
  String value();
}
