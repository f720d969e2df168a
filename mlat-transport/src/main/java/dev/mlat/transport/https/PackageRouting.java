package dev.mlat.transport.https;

import dev.mlat.core.PartyId;
import dev.mlat.transport.MlatTransportException;
import java.nio.file.Path;

/**
 * Reads the sender named in a package's routing header, for the carriage rule: the HTTPS receiver
 * only accepts a package from a peer of the sender's jurisdiction (its authority or a carrier
 * registered for it). Wired to the package gateway's header check, which also verifies the sending
 * state's header signature.
 *
 * <p>Implementations are thread-safe and read the file with bounded memory.
 */
@FunctionalInterface
public interface PackageRouting {

  /**
   * The sending authority of the package.
   *
   * @throws MlatTransportException when the header cannot be read or verified (the upload is refused
   *     with {@code HTTPS_PACKAGE_UNROUTABLE})
   */
  PartyId senderOf(Path packageFile) throws MlatTransportException;
}
