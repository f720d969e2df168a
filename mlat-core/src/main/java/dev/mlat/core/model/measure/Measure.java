package dev.mlat.core.model.measure;

/**
 * A measure requested, each type with its own parameters. The family is closed; the JSON form
 * carries {@code "type"} with one of these names:
 *
 * <table>
 * <caption>Measures and their JSON names</caption>
 * <tr><th>type</th><th>JSON name</th><th>typical basis</th></tr>
 * <tr><td>{@link Preservation}</td><td>{@code preservation}</td><td>Budapest Art. 29, Reg. 2023/1543 (EPOC-PR)</td></tr>
 * <tr><td>{@link PreservationExtension}</td><td>{@code preservationExtension}</td><td>Budapest Art. 29(7)</td></tr>
 * <tr><td>{@link PreservationEnd}</td><td>{@code preservationEnd}</td><td>Budapest Art. 29(7)</td></tr>
 * <tr><td>{@link DataProduction}</td><td>{@code dataProduction}</td><td>Budapest Art. 31, Second Protocol Arts. 6-7, Reg. 2023/1543 (EPOC)</td></tr>
 * <tr><td>{@link ExpeditedDisclosure}</td><td>{@code expeditedDisclosure}</td><td>Budapest Arts. 30 and 35, Second Protocol Art. 9</td></tr>
 * <tr><td>{@link SearchAndSeizure}</td><td>{@code searchAndSeizure}</td><td>treaties, EIO</td></tr>
 * <tr><td>{@link Hearing}</td><td>{@code hearing}</td><td>treaties, EIO Arts. 24-25, Second Protocol Art. 11</td></tr>
 * <tr><td>{@link ServiceOfDocuments}</td><td>{@code serviceOfDocuments}</td><td>treaties</td></tr>
 * <tr><td>{@link AssetFreezing}</td><td>{@code assetFreezing}</td><td>treaties, EIO Art. 32, UNTOC Art. 13</td></tr>
 * <tr><td>{@link AssetConfiscation}</td><td>{@code assetConfiscation}</td><td>UNTOC Art. 13, UNCAC Art. 55</td></tr>
 * <tr><td>{@link BankingInformation}</td><td>{@code bankingInformation}</td><td>EIO Arts. 26-28</td></tr>
 * <tr><td>{@link RealTimeTrafficCollection}</td><td>{@code realTimeTrafficCollection}</td><td>Budapest Art. 33</td></tr>
 * </table>
 *
 * <p>To add a measure, see {@code docs/MODEL.md}.
 */
public sealed interface Measure
    permits Preservation,
        PreservationExtension,
        PreservationEnd,
        DataProduction,
        ExpeditedDisclosure,
        SearchAndSeizure,
        Hearing,
        ServiceOfDocuments,
        AssetFreezing,
        AssetConfiscation,
        BankingInformation,
        RealTimeTrafficCollection {
}
